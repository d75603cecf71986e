using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class PublicBookingTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task A_public_calendar_is_bookable_without_a_key_and_reveals_nobody()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync(overrides: new { publicBooking = true });
        var anonymous = _app.CreateClient();
        var ten = BookingScenario.NewYork(20, 10);
        var day = BookingScenario.LocalDate(ten);

        var (status, calendar) = await anonymous.GetJsonAsync($"/v1/public/calendars/{cid}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, calendar!["slotDurationMinutes"]!.GetValue<int>());
        Assert.Null(calendar["userIds"]);

        var (_, slots) = await anonymous.GetJsonAsync($"/v1/public/calendars/{cid}/free-slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}");
        Assert.All(slots!["days"]!.AsArray().SelectMany(d => d!["slots"]!.AsArray()), slot => Assert.Empty(slot!["userIds"]!.AsArray()));

        var body = new { start = BookingScenario.Iso(ten), contact = new { name = "Visitor", email = "visitor@example.com" } };
        var (booked, appointment) = await anonymous.PostJsonAsync($"/v1/public/calendars/{cid}/appointments", body);
        Assert.Equal(HttpStatusCode.Created, booked);
        Assert.Null(appointment!["userIds"]);
        (await anonymous.PostJsonAsync($"/v1/public/calendars/{cid}/appointments", body)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
        (await anonymous.PostJsonAsync($"/v1/public/calendars/{cid}/appointments", new { start = BookingScenario.Iso(ten.AddHours(1)), contact = new { name = "No Email" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_calendar_without_public_booking_is_404_on_public_routes()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();
        var anonymous = _app.CreateClient();

        (await anonymous.GetJsonAsync($"/v1/public/calendars/{cid}")).AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
        (await anonymous.GetJsonAsync("/v1/public/calendars/not-an-id")).AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
        (await anonymous.PostJsonAsync($"/v1/public/calendars/{cid}/appointments", new { start = BookingScenario.Iso(BookingScenario.NewYork(20, 11)), contact = new { name = "V", email = "v@example.com" } }))
            .AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
    }

    [Fact]
    public async Task Public_routes_are_rate_limited_per_client_with_retry_after()
    {
        await using var app = new CalendarAppFactory(settings: new Dictionary<string, string?> { ["PublicBooking:PermitsPerMinute"] = "3" });
        var s = await BookingScenario.CreateAsync(app);
        var cid = await s.CreateCalendarAsync(overrides: new { publicBooking = true });
        var anonymous = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetJsonAsync($"/v1/public/calendars/{cid}")).Status);
        }

        using var limited = await anonymous.GetAsync($"/v1/public/calendars/{cid}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Keyed routes are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}")).Status);
    }
}
