using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

/// <summary>The availability troubleshooter on the real server: the same answer as free slots, with every reason why.</summary>
public sealed class AvailabilityTroubleshooterTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Theory]
    [InlineData(null)]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kathmandu")]
    public async Task Bookable_slots_are_exactly_the_free_slots_of_the_day(string? timeZone)
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var personal = await s.CreateCalendarAsync(overrides: new { bufferBeforeMinutes = 5, bufferAfterMinutes = 10, slotIntervalMinutes = 20 });
        var roundRobin = await s.CreateCalendarAsync("roundRobin", overrides: new { slotDurationMinutes = 45 });
        var collective = await s.CreateCalendarAsync("collective", overrides: new { weeklyHours = BookingScenario.WeekdayHours("08:15", "18:00") });
        var other = await s.CreateCalendarAsync(userIds: [s.UserIds[1]], overrides: new { bufferAfterMinutes = 15 });
        var ten = BookingScenario.NewYork(7, 10);
        await s.BookOkAsync(personal, ten);
        await s.BookOkAsync(personal, ten.AddHours(3).AddMinutes(20));
        await s.BookOkAsync(other, ten.AddMinutes(30));
        await s.BookOkAsync(other, ten.AddHours(5));
        var cancelled = await s.BookOkAsync(personal, ten.AddHours(6));
        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{personal}/appointments/{cancelled}")).Status);
        var day = BookingScenario.LocalDate(ten);

        foreach (var (calendar, userId) in new[] { (personal, null), (roundRobin, null), (roundRobin, s.UserIds[1]), (collective, null), (collective, s.UserIds[0]) })
        {
            var explained = await ExplainAsync(s, calendar, day, timeZone, userId);
            var free = await FreeSlotsAsync(s, calendar, day, timeZone, userId);

            Assert.Equal(free, explained["slots"]!.AsArray().Where(x => x!["bookable"]!.GetValue<bool>()).Select(x => (Time(x!["start"]), Time(x!["end"]))).ToList());
            Assert.All(explained["slots"]!.AsArray(), x => Assert.Equal(x!["bookable"]!.GetValue<bool>(), x["reasons"]!.AsArray().Count == 0));
        }
    }

    [Fact]
    public async Task Every_slot_of_the_day_is_listed_in_the_calendars_zone_by_default()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var day = BookingScenario.LocalDate(BookingScenario.NewYork(7, 12));

        var explained = await ExplainAsync(s, cid, day);

        Assert.Equal(cid, explained["calendarId"]!.GetValue<string>());
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), explained["date"]!.GetValue<string>());
        Assert.Equal("America/New_York", explained["timeZone"]!.GetValue<string>());
        var slots = explained["slots"]!.AsArray();
        Assert.Equal(48, slots.Count);
        Assert.Equal($"{day:yyyy-MM-dd}T00:00:00-05:00", slots[0]!["start"]!.GetValue<string>());
        Assert.Equal($"{day:yyyy-MM-dd}T23:30:00-05:00", slots[^1]!["start"]!.GetValue<string>());
        Assert.Equal(16, slots.Count(x => x!["bookable"]!.GetValue<bool>()));
        Assert.Equal(["outside-hours"], Codes(Slot(explained, BookingScenario.NewYork(7, 8, 30))));
    }

    [Fact]
    public async Task A_time_inside_the_hours_but_off_the_slot_grid_says_so_and_the_grids_own_slots_are_listed()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { weeklyHours = BookingScenario.WeekdayHours("09:10", "17:00") });
        var day = BookingScenario.LocalDate(BookingScenario.NewYork(7, 12));

        var explained = await ExplainAsync(s, cid, day);

        Assert.Equal(["off-grid"], Codes(Slot(explained, BookingScenario.NewYork(7, 9, 30))));
        Assert.Equal(["outside-hours"], Codes(Slot(explained, BookingScenario.NewYork(7, 9))));
        Assert.True(Slot(explained, BookingScenario.NewYork(7, 9, 10))["bookable"]!.GetValue<bool>());
        // The day's 48 half-hour times, and the grid's own 09:10, 09:40, …, 16:10 (the last that ends by 17:00).
        Assert.Equal(48 + 15, explained["slots"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_appointment_and_its_buffer_are_named_with_the_appointment_and_its_calendar()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { bufferAfterMinutes = 10 });
        var elsewhere = await s.CreateCalendarAsync(overrides: new { slotDurationMinutes = 60, slotIntervalMinutes = 60 });
        var ten = BookingScenario.NewYork(7, 10);
        var booked = await s.BookOkAsync(cid, ten);
        var lunch = await s.BookOkAsync(elsewhere, ten.AddHours(3));

        var explained = await ExplainAsync(s, cid, BookingScenario.LocalDate(ten));

        var appointment = Assert.Single(Slot(explained, ten)["reasons"]!.AsArray())!;
        Assert.Equal("appointment", appointment["code"]!.GetValue<string>());
        Assert.Equal(s.UserIds[0], appointment["userId"]!.GetValue<string>());
        Assert.Equal(ten, Time(appointment["start"]));
        Assert.Equal(ten.AddMinutes(30), Time(appointment["end"]));
        Assert.Equal(booked, appointment["source"]!["appointmentId"]!.GetValue<string>());
        Assert.Equal(cid, appointment["source"]!["calendarId"]!.GetValue<string>());
        Assert.Equal(["appointment-buffer"], Codes(Slot(explained, ten.AddMinutes(30))));
        Assert.Equal(["appointment-buffer"], Codes(Slot(explained, ten.AddMinutes(-30)))); // the slot's after-buffer runs into 10:00
        Assert.True(Slot(explained, ten.AddHours(1))["bookable"]!.GetValue<bool>());

        var other = Slot(explained, ten.AddHours(3).AddMinutes(30))["reasons"]![0]!;
        Assert.Equal(("appointment", lunch, elsewhere), (other["code"]!.GetValue<string>(), other["source"]!["appointmentId"]!.GetValue<string>(), other["source"]!["calendarId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Notice_window_and_hours_are_all_listed_when_they_all_apply()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var tooSoon = await s.CreateCalendarAsync(overrides: new { minimumNoticeMinutes = 30 * 24 * 60 });
        var tooFar = await s.CreateCalendarAsync(overrides: new { bookingWindowDays = 3 });
        var nineThirty = BookingScenario.NewYork(7, 9, 30);
        var day = BookingScenario.LocalDate(nineThirty);
        var before = DateTimeOffset.UtcNow;

        var soon = await ExplainAsync(s, tooSoon, day);
        var far = await ExplainAsync(s, tooFar, day);

        var notice = Slot(soon, nineThirty)["reasons"]!.AsArray().Single()!;
        Assert.Equal("minimum-notice", notice["code"]!.GetValue<string>());
        Assert.InRange(Time(notice["start"]), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(Time(notice["start"]).AddDays(30), Time(notice["end"]));
        Assert.Null(notice["userId"]);
        Assert.Null(notice["source"]);
        Assert.Equal(["outside-hours", "minimum-notice"], Codes(Slot(soon, nineThirty.AddHours(-2))));
        Assert.Equal(["beyond-booking-window"], Codes(Slot(far, nineThirty)));
        Assert.Equal(["outside-hours", "beyond-booking-window"], Codes(Slot(far, nineThirty.AddHours(10))));
        Assert.All(far["slots"]!.AsArray(), x => Assert.False(x!["bookable"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Team_calendars_name_each_busy_member_and_say_when_none_is_free()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var roundRobin = await s.CreateCalendarAsync("roundRobin");
        var collective = await s.CreateCalendarAsync("collective");
        var first = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);
        var second = await s.CreateCalendarAsync(userIds: [s.UserIds[1]]);
        var ten = BookingScenario.NewYork(7, 10);
        await s.BookOkAsync(first, ten);
        await s.BookOkAsync(second, ten);
        await s.BookOkAsync(second, ten.AddHours(1));
        var day = BookingScenario.LocalDate(ten);

        var anyMember = await ExplainAsync(s, roundRobin, day);
        var everyMember = await ExplainAsync(s, collective, day);

        Assert.Equal(
            new (string, string?)[] { ("no-member-free", null), ("member-busy", s.UserIds[0]), ("appointment", s.UserIds[0]), ("member-busy", s.UserIds[1]), ("appointment", s.UserIds[1]) },
            Slot(anyMember, ten)["reasons"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["userId"]?.GetValue<string>())));
        Assert.True(Slot(anyMember, ten.AddHours(1))["bookable"]!.GetValue<bool>());
        Assert.Equal(
            new (string, string?)[] { ("member-busy", s.UserIds[1]), ("appointment", s.UserIds[1]) },
            Slot(everyMember, ten.AddHours(1))["reasons"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["userId"]?.GetValue<string>())));
        Assert.Equal(["appointment"], Codes(Slot(await ExplainAsync(s, roundRobin, day, userId: s.UserIds[1]), ten.AddHours(1))));
    }

    [Fact]
    public async Task A_calendar_without_members_explains_its_own_bookings_without_naming_a_user()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync("event");
        var ten = BookingScenario.NewYork(7, 10);
        await s.BookOkAsync(cid, ten);

        var reason = Slot(await ExplainAsync(s, cid, BookingScenario.LocalDate(ten)), ten)["reasons"]!.AsArray().Single()!;

        Assert.Equal("appointment", reason["code"]!.GetValue<string>());
        Assert.Null(reason["userId"]);
    }

    [Fact]
    public async Task Bad_queries_are_refused_with_their_codes()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var cid = await s.CreateCalendarAsync();
        var url = $"{s.Base}/calendars/{cid}/availability";

        (await s.Client.GetJsonAsync(url)).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{url}?date=2026-12-3")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{url}?date=2026-12-03&timeZone=Mars/Olympus")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{url}?date=2026-12-03&userId={s.UserIds[1]}")).AssertProblem(HttpStatusCode.UnprocessableEntity, "not-a-calendar-member");
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/cal_aaaaaaaaaaaaaaaaaaaa/availability?date=2026-12-03")).AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClientWithKey(null).GetJsonAsync($"{url}?date=2026-12-03")).Status);
    }

    [Fact]
    public async Task Public_routes_never_explain()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { publicBooking = true });

        var (status, _) = await _app.CreateClientWithKey(null).GetJsonAsync($"/v1/public/calendars/{cid}/availability?date=2026-12-03");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    public static async Task<JsonNode> ExplainAsync(BookingScenario s, string calendarId, DateOnly day, string? timeZone = null, string? userId = null)
    {
        var (status, body) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{calendarId}/availability?date={day:yyyy-MM-dd}"
            + (timeZone is null ? "" : $"&timeZone={timeZone}") + (userId is null ? "" : $"&userId={userId}"));
        Assert.True(status == HttpStatusCode.OK, $"availability answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public static async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> FreeSlotsAsync(BookingScenario s, string calendarId, DateOnly day, string? timeZone = null, string? userId = null)
    {
        var (status, body) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{calendarId}/free-slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}"
            + (timeZone is null ? "" : $"&timeZone={timeZone}") + (userId is null ? "" : $"&userId={userId}"));
        Assert.True(status == HttpStatusCode.OK, $"free-slots answered {(int)status}: {body?.ToJsonString()}");
        return body!["days"]!.AsArray().SelectMany(d => d!["slots"]!.AsArray()).Select(x => (Time(x!["start"]), Time(x!["end"]))).ToList();
    }

    /// <summary>The slot that starts at <paramref name="start"/>.</summary>
    public static JsonNode Slot(JsonNode explained, DateTimeOffset start) =>
        explained["slots"]!.AsArray().Single(x => Time(x!["start"]) == start)!;

    public static List<string> Codes(JsonNode slot) => slot["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();

    public static DateTimeOffset Time(JsonNode? value) => DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture);
}
