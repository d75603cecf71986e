using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class FreeSlotTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task A_weekday_offers_sixteen_half_hour_slots_from_nine_to_five_local()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var day = BookingScenario.LocalDate(BookingScenario.NewYork(7, 12));

        var slots = await s.FreeSlotStartsAsync(cid, day, day);

        Assert.Equal(16, slots.Count);
        Assert.Equal(BookingScenario.NewYork(7, 9), slots[0]);
        Assert.Equal(BookingScenario.NewYork(7, 16, 30), slots[^1]);
    }

    [Fact]
    public async Task Slots_are_grouped_by_day_in_the_requested_zone_with_offsets()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var day = BookingScenario.LocalDate(BookingScenario.NewYork(7, 12));

        // 09:00-17:00 New York is 23:00-07:00 in Tokyo: one New York day spans two Tokyo days.
        var (status, body) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start={day:yyyy-MM-dd}&end={day.AddDays(1):yyyy-MM-dd}&timeZone=Asia/Tokyo");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Asia/Tokyo", body!["timeZone"]!.GetValue<string>());
        var days = body["days"]!.AsArray();
        var first = days[0]!["slots"]![0]!["start"]!.GetValue<string>();
        Assert.EndsWith("+09:00", first, StringComparison.Ordinal);
        Assert.All(days, d => Assert.All(d!["slots"]!.AsArray(), slot =>
            Assert.StartsWith(d["date"]!.GetValue<string>(), slot!["start"]!.GetValue<string>(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_booking_removes_its_slot_and_its_buffer_neighbours_and_cancel_frees_them_at_once()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { bufferAfterMinutes = 10 });
        var ten = BookingScenario.NewYork(7, 10);
        var day = BookingScenario.LocalDate(ten);

        var aid = await s.BookOkAsync(cid, ten);
        var slots = await s.FreeSlotStartsAsync(cid, day, day);

        Assert.DoesNotContain(ten, slots);
        Assert.DoesNotContain(ten.AddMinutes(30), slots); // the 10-minute after-buffer blocks a 10:30 start
        Assert.Contains(ten.AddMinutes(60), slots);
        Assert.DoesNotContain(ten.AddMinutes(-30), slots); // 09:30-10:00 widened by its after-buffer to 10:10 overlaps
        Assert.Contains(ten.AddMinutes(-60), slots);
        Assert.Equal(HttpStatusCode.Conflict, (await s.BookAsync(cid, ten.AddMinutes(30))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{cid}/appointments/{aid}")).Status);
        var after = await s.FreeSlotStartsAsync(cid, day, day);
        Assert.Contains(ten, after);
        Assert.Contains(ten.AddMinutes(30), after);
    }

    [Fact]
    public async Task A_booking_on_one_calendar_blocks_the_same_user_on_another_calendar()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var first = await s.CreateCalendarAsync();
        var second = await s.CreateCalendarAsync(overrides: new { slotDurationMinutes = 60, slotIntervalMinutes = 60 });
        var ten = BookingScenario.NewYork(7, 10);

        await s.BookOkAsync(first, ten.AddMinutes(30));

        Assert.DoesNotContain(ten, await s.FreeSlotStartsAsync(second, BookingScenario.LocalDate(ten), BookingScenario.LocalDate(ten)));
        (await s.BookAsync(second, ten)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
    }

    [Fact]
    public async Task Minimum_notice_and_booking_window_limit_the_slots()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { bookingWindowDays = 14, minimumNoticeMinutes = 60 * 24 * 3, weeklyHours = AllWeek() });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var slots = await s.FreeSlotStartsAsync(cid, today, today.AddDays(30));

        Assert.NotEmpty(slots);
        Assert.True(slots.Min() >= DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-1), "a slot inside the notice period was offered");
        Assert.True(slots.Max() <= DateTimeOffset.UtcNow.AddDays(14), "a slot beyond the booking window was offered");
    }

    [Fact]
    public async Task Hours_stay_local_across_the_spring_daylight_saving_switch()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { bookingWindowDays = 730, weeklyHours = AllWeek() });
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var before = NextSundayOfMarchSwitch().AddDays(-2); // Friday before the switch
        var after = before.AddDays(3);                       // Monday after it

        var friday = await s.FreeSlotStartsAsync(cid, before, before);
        var monday = await s.FreeSlotStartsAsync(cid, after, after);

        Assert.Equal(BookingScenario.At(zone, before, 9, 0), friday[0]);
        Assert.Equal(BookingScenario.At(zone, after, 9, 0), monday[0]);
        Assert.Equal(TimeSpan.FromHours(14), friday[0].UtcDateTime.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(13), monday[0].UtcDateTime.TimeOfDay);
    }

    private static object AllWeek()
    {
        var range = new[] { new { start = "09:00", end = "17:00" } };
        return new { monday = range, tuesday = range, wednesday = range, thursday = range, friday = range, saturday = range, sunday = range };
    }

    /// <summary>The second Sunday of March (US daylight saving start) that is still ahead.</summary>
    private static DateOnly NextSundayOfMarchSwitch()
    {
        for (var year = DateTime.UtcNow.Year; ; year++)
        {
            var date = new DateOnly(year, 3, 1);
            while (date.DayOfWeek != DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            date = date.AddDays(7);
            if (date > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2))
            {
                return date;
            }
        }
    }
}
