using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Grains.Availability;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

/// <summary>
/// How an owner's day page is stored: every hold read back exactly (offsets, buffers, statuses, check times), a busy
/// day in a fraction of the storage serializer's own form, and pages in that earlier form still read.
/// </summary>
public sealed class StoredDayPageTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private static readonly DateTimeOffset Nine = new(2027, 3, 14, 9, 0, 0, TimeSpan.FromHours(-4));

    private IGrainStorageSerializer Serializer => fixture.App.Services.GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void Every_hold_of_a_page_reads_back_exactly()
    {
        var page = new DayPage
        {
            Holds =
            [
                Hold("apt_utc", 1, "cal_a", Nine.ToUniversalTime(), minutes: 30, before: 0, after: 0, HoldStatus.Confirmed, checkAt: null),
                Hold("apt_offset", 3, "cal_b", Nine, minutes: 45, before: 15, after: 10, HoldStatus.Held, checkAt: Nine.AddMinutes(2).AddTicks(1234)),
                Hold("apt_released", 2, "cal_a", Nine.AddHours(2), minutes: 60, before: 0, after: 30, HoldStatus.Released, checkAt: null, ignoresExternal: true),
                Hold("apt_releasing", 1, "cal_c", Nine.AddHours(3), minutes: 15, before: 5, after: 0, HoldStatus.Releasing, checkAt: Nine.AddHours(1)),
                // Not a shape this service makes (end and blocked times in a zone): still kept exactly.
                new HoldRecord
                {
                    Reservation = new Reservation("apt_zoned", 1, "cal_a", Nine.AddHours(-1), Nine.AddHours(2), Nine, Nine.AddHours(1), false),
                    Status = HoldStatus.Confirmed,
                },
            ],
        };

        var read = Serializer.Deserialize<DayPage>(Serializer.Serialize(page))!;

        Assert.Equal(page.Holds.Count, read.Holds.Count);
        foreach (var (written, back) in page.Holds.Zip(read.Holds))
        {
            AssertSame(written, back);
        }
    }

    [Fact]
    public void A_hold_changed_after_its_page_was_written_is_written_as_it_is_now()
    {
        var hold = Hold("apt_1", 1, "cal_a", Nine, minutes: 30, before: 0, after: 0, HoldStatus.Held, checkAt: Nine.AddMinutes(2));
        var other = Hold("apt_2", 1, "cal_b", Nine.AddHours(1), minutes: 30, before: 0, after: 0, HoldStatus.Confirmed, checkAt: null);
        var page = new DayPage { Holds = [other, hold] };
        Serializer.Serialize(page);

        hold.Status = HoldStatus.Confirmed;
        hold.CheckAt = null;
        page.Holds.Remove(other);
        var read = Serializer.Deserialize<DayPage>(Serializer.Serialize(page))!;

        AssertSame(hold, Assert.Single(read.Holds));
    }

    [Fact]
    public void A_full_day_of_five_minute_holds_takes_a_fraction_of_the_storage_serializers_own_form()
    {
        var page = new DayPage
        {
            Holds = Enumerable.Range(0, 288)
                .Select(i => Hold($"apt_{Guid.NewGuid():N}", 1, "cal_busy", Nine.ToUniversalTime().Date.AddMinutes(5 * i), minutes: 5, before: 0, after: 0, HoldStatus.Confirmed, checkAt: null))
                .ToList(),
        };

        var compact = Serializer.Serialize(page).ToMemory().Length;
        var ownForm = OwnForm(page).Length;

        Assert.True(compact * 3 < ownForm, $"{compact:N0} bytes stored against {ownForm:N0} in the storage serializer's own form");
    }

    [Fact]
    public void A_page_written_in_the_storage_serializers_own_form_is_read()
    {
        var page = new DayPage
        {
            Holds =
            [
                Hold("apt_old", 2, "cal_a", Nine, minutes: 30, before: 10, after: 0, HoldStatus.Held, checkAt: Nine.AddMinutes(2)),
                Hold("apt_older", 1, "cal_b", Nine.AddHours(1), minutes: 30, before: 0, after: 0, HoldStatus.Released, checkAt: null),
            ],
        };

        var read = Serializer.Deserialize<DayPage>(new BinaryData(OwnForm(page)))!;

        Assert.Equal(2, read.Holds.Count);
        AssertSame(page.Holds[0], read.Holds[0]);
        AssertSame(page.Holds[1], read.Holds[1]);
    }

    /// <summary>The page as the storage serializer writes an object without a converter of its own (as pages were first stored).</summary>
    private byte[] OwnForm(DayPage page)
    {
        var settings = fixture.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrleansJsonSerializerOptions>>().Value.JsonSerializerSettings;
        var holds = JsonConvert.SerializeObject(page.Holds, settings);
        var form = new JsonObject
        {
            ["$id"] = "1",
            ["$type"] = $"{typeof(DayPage).FullName}, {typeof(DayPage).Assembly.GetName().Name}",
            [nameof(DayPage.Holds)] = JsonNode.Parse(holds),
        };
        return System.Text.Encoding.UTF8.GetBytes(form.ToJsonString());
    }

    private static HoldRecord Hold(string id, int revision, string calendar, DateTimeOffset start, int minutes, int before, int after, HoldStatus status, DateTimeOffset? checkAt, bool ignoresExternal = false) => new()
    {
        Reservation = new Reservation(id, revision, calendar,
            start.AddMinutes(-before).ToUniversalTime(), start.AddMinutes(minutes + after).ToUniversalTime(), start, start.AddMinutes(minutes).ToUniversalTime(), ignoresExternal),
        Status = status,
        CheckAt = checkAt,
    };

    private static void AssertSame(HoldRecord expected, HoldRecord actual)
    {
        Assert.Equal(expected.Reservation, actual.Reservation);
        Assert.Equal(expected.Reservation.Start.Offset, actual.Reservation.Start.Offset);
        Assert.Equal(expected.Reservation.End.Offset, actual.Reservation.End.Offset);
        Assert.Equal(expected.Reservation.BlockedStart.Offset, actual.Reservation.BlockedStart.Offset);
        Assert.Equal(expected.Reservation.BlockedEnd.Offset, actual.Reservation.BlockedEnd.Offset);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.CheckAt, actual.CheckAt);
    }
}
