using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

/// <summary><c>Idempotency-Key</c>: a booking whose answer was lost can be sent again without booking twice.</summary>
public sealed class IdempotentBookingTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    [Fact]
    public async Task The_same_request_with_the_same_key_gets_the_first_appointment_again()
    {
        var (s, cid) = await CalendarAsync();
        var start = BookingScenario.NewYork(9, 10);

        var first = await BookAsync(s, cid, start, "retry-1");
        var again = await BookAsync(s, cid, start, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Null(first.Replayed);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal("true", again.Replayed);
        Assert.Equal(first.Body!["id"]!.GetValue<string>(), again.Body!["id"]!.GetValue<string>());
        Assert.Equal(first.Location, again.Location);
        Assert.Single(await ListAsync(s, cid, start));

        // Without the key, the same request is a second booking attempt, and the slot is taken.
        (await s.BookAsync(cid, start)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_all_answer_the_one_appointment()
    {
        var (s, cid) = await CalendarAsync();
        var start = BookingScenario.NewYork(9, 11);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => BookAsync(s, cid, start, "burst")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(results.Select(r => r.Body!["id"]!.GetValue<string>()).Distinct());
        Assert.Equal(19, results.Count(r => r.Replayed == "true"));
        Assert.Single(await ListAsync(s, cid, start));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_retry_while_the_first_write_is_on_its_way_never_answers_an_appointment_that_is_not_stored(bool firstWriteLands)
    {
        await using var app = new CalendarAppFactory(injectStorageFaults: true);
        var s = await BookingScenario.CreateAsync(app);
        var cid = await s.CreateCalendarAsync();
        var start = BookingScenario.NewYork(9, 12);
        var held = app.Faults!.HoldNext(w => w.StateName == "appointment" && w.GrainId.Contains(s.SubAccountId, StringComparison.Ordinal));
        var first = BookAsync(s, cid, start, "slow-write");
        Task<(HttpStatusCode Status, JsonNode? Body, string? Replayed, Uri? Location)>? retry = null;
        string id;
        try
        {
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(15));

            // Its hold is stored already and names the appointment the key stands for, which storage does not hold yet.
            var explained = await AvailabilityTroubleshooterTests.ExplainAsync(s, cid, BookingScenario.LocalDate(start));
            id = AvailabilityTroubleshooterTests.Slot(explained, start)["reasons"]![0]!["source"]!["appointmentId"]!.GetValue<string>();
            (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/appointments/{id}")).AssertProblem(HttpStatusCode.NotFound, "appointment-not-found");
            Assert.Empty(await ListAsync(s, cid, start));
            retry = BookAsync(s, cid, start, "slow-write");
        }
        finally
        {
            if (firstWriteLands)
            {
                held.Release();
            }
            else
            {
                held.Fail();
            }
        }

        var (firstAnswer, retried) = (await first, await retry);
        if (firstWriteLands)
        {
            Assert.Equal(HttpStatusCode.Created, firstAnswer.Status);
            Assert.Equal((HttpStatusCode.Created, "true"), (retried.Status, retried.Replayed));
        }
        else
        {
            // The retry books it: the first attempt's failure left nothing behind.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, firstAnswer.Status);
            Assert.Equal((HttpStatusCode.Created, null), (retried.Status, retried.Replayed));
        }

        Assert.Equal(id, retried.Body!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/appointments/{id}")).Status);
        Assert.Equal(id, Assert.Single(await ListAsync(s, cid, start))!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_used_for_another_booking_is_422_and_books_nothing()
    {
        var (s, cid) = await CalendarAsync();
        var start = BookingScenario.NewYork(9, 13);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(s, cid, start, "once")).Status);

        var other = await BookAsync(s, cid, start.AddHours(1), "once");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Equal("idempotency-key-reused", other.Body!["code"]!.GetValue<string>());
        Assert.Empty(await ListAsync(s, cid, start.AddHours(1)));

        // Keys belong to their calendar: the same key elsewhere is a new booking.
        var secondCalendar = await s.CreateCalendarAsync();
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(s, secondCalendar, start.AddHours(2), "once")).Status);
    }

    [Fact]
    public async Task The_public_booking_route_replays_a_repeated_request_too()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var cid = await s.CreateCalendarAsync(overrides: new { publicBooking = true });
        var start = BookingScenario.NewYork(9, 16);
        var visitor = fixture.App.CreateClient();

        async Task<(HttpStatusCode Status, string? Id, bool Replayed)> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/public/calendars/{cid}/appointments")
            {
                Content = JsonContent.Create(new { start = BookingScenario.Iso(start), contact = new { name = "Pat Doe", email = "pat@example.com" } }),
            };
            request.Headers.Add("Idempotency-Key", "page-attempt-1");
            using var response = await visitor.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, body?["id"]?.GetValue<string>(), response.Headers.Contains("Idempotent-Replayed"));
        }

        var first = await PostAsync();
        var again = await PostAsync();

        Assert.Equal((HttpStatusCode.Created, false), (first.Status, first.Replayed));
        Assert.Equal((HttpStatusCode.Created, first.Id, true), (again.Status, again.Id, again.Replayed));
        Assert.Single(await ListAsync(s, cid, start));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task A_malformed_key_is_400_and_books_nothing(string key)
    {
        var (s, cid) = await CalendarAsync();
        var start = BookingScenario.NewYork(9, 14);

        var response = await BookAsync(s, cid, start, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Body!["errors"]!["Idempotency-Key"]);
        Assert.Empty(await ListAsync(s, cid, start));
    }

    [Fact]
    public async Task A_key_longer_than_200_characters_is_400()
    {
        var (s, cid) = await CalendarAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await BookAsync(s, cid, BookingScenario.NewYork(9, 15), new string('k', 201))).Status);
    }

    private async Task<(BookingScenario Scenario, string CalendarId)> CalendarAsync()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        return (s, await s.CreateCalendarAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body, string? Replayed, Uri? Location)> BookAsync(BookingScenario s, string cid, DateTimeOffset start, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments")
        {
            Content = JsonContent.Create(new { start = BookingScenario.Iso(start), contact = new { name = "Pat Doe", email = "pat@example.com" } }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await s.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text),
            response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null, response.Headers.Location);
    }

    private static async Task<JsonArray> ListAsync(BookingScenario s, string cid, DateTimeOffset start)
    {
        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddMinutes(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddMinutes(1)))}";
        var (status, page) = await s.Client.GetJsonAsync($"{s.Base}/appointments?calendarId={cid}&{range}");
        Assert.Equal(HttpStatusCode.OK, status);
        return page!["items"]!.AsArray();
    }
}
