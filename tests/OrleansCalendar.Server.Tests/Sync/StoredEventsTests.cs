using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>How imported Outlook events are stored: compact keys, and state written by earlier versions still read.</summary>
public sealed class StoredEventsTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private const string OutlookId = "AAMkAGI2TG93AAABBBcccDDDeeeFFFgggHHHiiiJJJkkkLLLmmmNNNoooPPPqqqRRRsssTTTuuuVVVwwwXXXyyyZZZ000111222333444555666777888999aaabbbcccdddeeefff=";

    [Fact]
    public void An_event_is_held_under_a_16_byte_key_that_is_the_same_for_the_same_Outlook_id_only()
    {
        Assert.Equal(EventKey.Of(OutlookId), EventKey.Of(string.Concat(OutlookId.AsSpan(0, 10), OutlookId.AsSpan(10))));
        Assert.NotEqual(EventKey.Of(OutlookId), EventKey.Of(OutlookId + "x"));
        Assert.NotEqual(EventKey.Of(OutlookId), EventKey.Of(OutlookId.ToLowerInvariant()));
    }

    [Fact]
    public void Events_stored_under_their_Outlook_ids_by_earlier_versions_are_read_and_moved_to_compact_keys()
    {
        var serializer = fixture.App.Services.GetRequiredService<IGrainStorageSerializer>();
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-5));
        var earlier = new CalendarSyncRecord
        {
            DeltaLink = "https://graph.example/delta?token=1",
            Events = new Dictionary<string, ImportedEvent> { [OutlookId] = new(start, start.AddHours(1), Blocks: true, Title: "Dentist") },
        };

        var read = serializer.Deserialize<CalendarSyncRecord>(serializer.Serialize(earlier))!;
        Assert.Empty(read.Imported);
        read.CompactAfterRead();

        Assert.Null(read.Events);
        var imported = Assert.Single(read.Imported);
        Assert.Equal(EventKey.Of(OutlookId), imported.Key);
        Assert.Equal(new ImportedEvent(start, start.AddHours(1), true, "Dentist"), imported.Value);

        // And the compact form survives the storage serializer as it is.
        var again = serializer.Deserialize<CalendarSyncRecord>(serializer.Serialize(read))!;
        Assert.Equal(read.Imported, again.Imported);
    }
}
