using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class AppointmentTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task Fifty_concurrent_bookings_of_one_slot_give_one_201_and_49_409()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var start = BookingScenario.NewYork(8, 11);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => s.BookAsync(cid, start)));

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(49, results.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal("slot-unavailable", r.Body!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Concurrent_overlapping_bookings_on_different_calendars_of_one_user_give_one_winner()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var halfHour = await s.CreateCalendarAsync();
        var hour = await s.CreateCalendarAsync(overrides: new { slotDurationMinutes = 60, slotIntervalMinutes = 30 });
        var start = BookingScenario.NewYork(8, 13);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            i % 2 == 0 ? s.BookAsync(halfHour, start.AddMinutes(30)) : s.BookAsync(hour, start)));

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Bookings_outside_hours_notice_or_window_are_422()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { minimumNoticeMinutes = 60 * 24 * 2, bookingWindowDays = 30 });

        (await s.BookAsync(cid, BookingScenario.NewYork(7, 18))).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
        (await s.BookAsync(cid, BookingScenario.NewYork(7, 16, 45))).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
        (await s.BookAsync(cid, BookingScenario.NewYork(7, 10, 0, DayOfWeek.Saturday))).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
        (await s.BookAsync(cid, DateTimeOffset.UtcNow.AddHours(1))).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
        (await s.BookAsync(cid, BookingScenario.NewYork(45, 10))).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
    }

    [Fact]
    public async Task The_end_is_derived_from_the_calendar_and_a_different_end_is_400()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var start = BookingScenario.NewYork(7, 9);

        var (status, body) = await s.Client.PostJsonAsync($"{s.Base}/calendars/{cid}/appointments", new
        {
            start = BookingScenario.Iso(start),
            end = BookingScenario.Iso(start.AddHours(3)),
            contact = new { name = "Greedy" },
        });
        (status, body).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(body!["errors"]!["end"]);

        var id = await s.BookOkAsync(cid, start);
        var (_, appointment) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/appointments/{id}");
        Assert.Equal(start.AddMinutes(30), DateTimeOffset.Parse(appointment!["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("confirmed", appointment["status"]!.GetValue<string>());
        Assert.Equal("Pat Doe", appointment["contact"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"start\":\"2027-01-06T10:00:00\",\"contact\":{\"name\":\"A\"}}", "malformed-json")]
    [InlineData("{\"contact\":{\"name\":\"A\"}}", "validation-failed")]
    [InlineData("{\"start\":\"2027-01-06T10:00:00Z\"}", "validation-failed")]
    [InlineData("{\"start\":\"2027-01-06T10:00:00Z\",\"contact\":{\"name\":\"\"}}", "validation-failed")]
    [InlineData("{\"start\":\"2027-01-06T10:00:00Z\",\"contact\":{\"name\":\"A\",\"email\":\"nope\"}}", "validation-failed")]
    public async Task Bad_booking_bodies_are_400(string body, string code)
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        (await s.Client.PostJsonAsync($"{s.Base}/calendars/{cid}/appointments", body)).AssertProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Reschedule_is_checked_like_a_booking_and_a_failed_move_changes_nothing()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var nine = BookingScenario.NewYork(9, 9);
        var moved = await s.BookOkAsync(cid, nine);
        await s.BookOkAsync(cid, nine.AddHours(2));
        var url = $"{s.Base}/calendars/{cid}/appointments/{moved}";

        (await s.Client.SendJsonAsync(HttpMethod.Patch, url, new { start = BookingScenario.Iso(nine.AddHours(2)) })).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
        (await s.Client.SendJsonAsync(HttpMethod.Patch, url, new { start = BookingScenario.Iso(nine.AddHours(12)) })).AssertProblem(HttpStatusCode.UnprocessableEntity, "outside-availability");
        var (_, unchanged) = await s.Client.GetJsonAsync(url);
        Assert.Equal(nine, DateTimeOffset.Parse(unchanged!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        // Moving by half an hour overlaps its own old interval: allowed, and the old slot is free afterwards.
        var (status, body) = await s.Client.SendJsonAsync(HttpMethod.Patch, url, new { start = BookingScenario.Iso(nine.AddMinutes(30)), title = "Moved" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Moved", body!["title"]!.GetValue<string>());
        var slots = await s.FreeSlotStartsAsync(cid, BookingScenario.LocalDate(nine), BookingScenario.LocalDate(nine));
        Assert.Contains(nine, slots);
        Assert.DoesNotContain(nine.AddMinutes(30), slots);
    }

    [Fact]
    public async Task A_cancelled_appointment_cannot_be_moved_and_cancel_is_idempotent()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var start = BookingScenario.NewYork(9, 14);
        var aid = await s.BookOkAsync(cid, start);
        var url = $"{s.Base}/calendars/{cid}/appointments/{aid}";

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, url)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, url)).Status);
        var (_, cancelled) = await s.Client.GetJsonAsync(url);
        Assert.Equal("cancelled", cancelled!["status"]!.GetValue<string>());
        (await s.Client.SendJsonAsync(HttpMethod.Patch, url, new { start = BookingScenario.Iso(start.AddHours(1)) })).AssertProblem(HttpStatusCode.Conflict, "appointment-cancelled");
        await s.BookOkAsync(cid, start);
    }

    [Fact]
    public async Task An_appointment_is_found_only_under_its_own_calendar()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var other = await s.CreateCalendarAsync();
        var aid = await s.BookOkAsync(cid, BookingScenario.NewYork(9, 15));

        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{other}/appointments/{aid}")).AssertProblem(HttpStatusCode.NotFound, "appointment-not-found");
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/appointments/apt_aaaaaaaaaaaaaaaaaaaa")).AssertProblem(HttpStatusCode.NotFound, "appointment-not-found");
    }

    [Fact]
    public async Task Appointments_are_listed_by_range_user_and_calendar_in_pages()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var a = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);
        var b = await s.CreateCalendarAsync(userIds: [s.UserIds[1]]);
        var start = BookingScenario.NewYork(10, 9);
        for (var i = 0; i < 3; i++)
        {
            await s.BookOkAsync(a, start.AddHours(i));
            await s.BookOkAsync(b, start.AddHours(i));
        }

        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(1)))}";
        var all = await CollectAsync(s, $"{s.Base}/appointments?{range}&limit=4");
        Assert.Equal(6, all.Count);
        Assert.Equal(all.OrderBy(x => x.Start).Select(x => x.Start), all.Select(x => x.Start));

        Assert.Equal(3, (await CollectAsync(s, $"{s.Base}/appointments?{range}&userId={s.UserIds[0]}")).Count);
        Assert.Equal(3, (await CollectAsync(s, $"{s.Base}/appointments?{range}&calendarId={b}")).Count);
        (await s.Client.GetJsonAsync($"{s.Base}/appointments?start=2027-01-01&end=2027-01-02")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task The_busy_view_shows_appointments_merged()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var start = BookingScenario.NewYork(11, 9);
        await s.BookOkAsync(cid, start);
        await s.BookOkAsync(cid, start.AddMinutes(30));
        await s.BookOkAsync(cid, start.AddHours(2));

        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddHours(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddHours(5)))}";
        var (status, body) = await s.Client.GetJsonAsync($"{s.Base}/users/{s.UserIds[0]}/busy?{range}");

        Assert.Equal(HttpStatusCode.OK, status);
        var intervals = body!["intervals"]!.AsArray();
        Assert.Equal(2, intervals.Count);
        Assert.All(intervals, i => Assert.Equal("appointment", i!["source"]!.GetValue<string>()));
        Assert.Equal(start.AddHours(1), DateTimeOffset.Parse(intervals[0]!["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        (await s.Client.GetJsonAsync($"{s.Base}/users/usr_aaaaaaaaaaaaaaaaaaaa/busy?{range}")).AssertProblem(HttpStatusCode.NotFound, "user-not-found");
    }

    private static async Task<List<(string Id, DateTimeOffset Start)>> CollectAsync(BookingScenario s, string url)
    {
        var items = new List<(string, DateTimeOffset)>();
        string? cursor = null;
        do
        {
            var (status, body) = await s.Client.GetJsonAsync(url + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
            items.AddRange(body!["items"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), DateTimeOffset.Parse(i["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))));
            cursor = body["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return items;
    }
}
