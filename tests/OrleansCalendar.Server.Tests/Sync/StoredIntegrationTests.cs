using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>How an integration's state comes back from storage.</summary>
public sealed class StoredIntegrationTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    public static TheoryData<bool, string[], SyncDirection, bool, CancelBehavior> Preferences => new()
    {
        { false, ["busy"], SyncDirection.TwoWay, true, CancelBehavior.MarkCancelled },
        { true, ["busy", "tentative", "oof"], SyncDirection.OneWay, false, CancelBehavior.Delete },
        { false, [], SyncDirection.OneWay, false, CancelBehavior.Delete },
    };

    [Theory]
    [MemberData(nameof(Preferences))]
    public void Sync_preferences_read_back_as_stored_and_leave_the_defaults_of_new_connections_as_they_are(
        bool linkedIsConflict, string[] blocking, SyncDirection direction, bool details, CancelBehavior onCancel)
    {
        var serializer = fixture.App.Services.GetRequiredService<IGrainStorageSerializer>();
        var stored = new OutlookIntegrationState { Exists = true, Preferences = new SyncPreferences(linkedIsConflict, [.. blocking], direction, details, onCancel) };

        var read = serializer.Deserialize<OutlookIntegrationState>(serializer.Serialize(stored))!.Preferences;

        Assert.Equal((linkedIsConflict, direction, details, onCancel), (read.LinkedCalendarIsConflict, read.Direction, read.ImportEventDetails, read.OnCancel));
        Assert.Equal(blocking, read.BlockingShowAs);
        var defaults = SyncPreferences.Default;
        Assert.Equal((true, SyncDirection.OneWay, false, CancelBehavior.Delete), (defaults.LinkedCalendarIsConflict, defaults.Direction, defaults.ImportEventDetails, defaults.OnCancel));
        Assert.Equal(["busy", "tentative", "oof"], defaults.BlockingShowAs);
    }

    [Fact]
    public void The_product_defaults_as_stored_by_earlier_versions_read_back()
    {
        var serializer = fixture.App.Services.GetRequiredService<IGrainStorageSerializer>();
        var stored = new OutlookIntegrationState { Exists = true, Preferences = SyncPreferences.Default };

        var read = serializer.Deserialize<OutlookIntegrationState>(serializer.Serialize(stored))!.Preferences;

        Assert.True(read.LinkedCalendarIsConflict);
        Assert.Equal(["busy", "tentative", "oof"], read.BlockingShowAs);
    }
}
