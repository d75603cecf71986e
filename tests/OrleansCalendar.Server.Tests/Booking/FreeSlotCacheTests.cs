using System.Globalization;
using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

/// <summary>Free-slot answers are cached per calendar; a cached answer is never older than what it answers for.</summary>
public sealed class FreeSlotCacheTests
{
    [Fact]
    public async Task A_repeated_query_never_offers_a_time_booked_or_keeps_hiding_a_time_freed_since_the_last_answer()
    {
        await using var app = new CalendarAppFactory();
        var s = await BookingScenario.CreateAsync(app);
        var cid = await s.CreateCalendarAsync();
        var ten = BookingScenario.NewYork(14, 10);
        var day = BookingScenario.LocalDate(ten);

        Assert.Contains(ten, await s.FreeSlotStartsAsync(cid, day, day));
        Assert.Contains(ten, await s.FreeSlotStartsAsync(cid, day, day));
        var booked = await s.BookOkAsync(cid, ten);
        Assert.DoesNotContain(ten, await s.FreeSlotStartsAsync(cid, day, day));

        var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{cid}/appointments/{booked}");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Contains(ten, await s.FreeSlotStartsAsync(cid, day, day));
    }

    [Fact]
    public async Task A_repeated_query_drops_a_slot_once_the_minimum_notice_has_passed_its_start()
    {
        var clock = new AdjustableClock();
        await using var app = new CalendarAppFactory(clock: clock);
        var s = await BookingScenario.CreateAsync(app);
        var allDay = new System.Text.Json.Nodes.JsonObject();
        foreach (var weekday in new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" })
        {
            allDay[weekday] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["start"] = "00:00", ["end"] = "24:00" });
        }

        var cid = await s.CreateCalendarAsync(overrides: new { minimumNoticeMinutes = 60, weeklyHours = allDay, timeZone = "UTC" });
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = (await s.FreeSlotStartsAsync(cid, today, today.AddDays(1))).Min();
        Assert.True(first >= clock.GetUtcNow().AddMinutes(60), first.ToString("O", CultureInfo.InvariantCulture));

        // One minute after the notice reached the first slot, it is not offered any more, cached answer or not.
        clock.Advance(first - clock.GetUtcNow().AddMinutes(60) + TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(first, await s.FreeSlotStartsAsync(cid, today, today.AddDays(1)));
    }
}
