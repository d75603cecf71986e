using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

namespace OrleansCalendar.Server.Tests.Foundation;

/// <summary>
/// Real traffic over every operation of the published document, each exchange checked against it by a validator
/// in the client's pipeline: every answer, and every request the server accepted. A route someone adds is in the
/// document at once, so this test fails until traffic here reaches it and its answers match what it declares.
/// </summary>
public sealed class OpenApiConformanceTests(OutlookFixture outlook) : IClassFixture<OutlookFixture>
{
    private CalendarAppFactory App => outlook.App;

    [Fact]
    public async Task Traffic_over_every_operation_matches_the_document()
    {
        var traffic = new OpenApiTraffic(await App.GetContractAsync());
        var admin = App.CreateValidatedClient(traffic, CalendarAppFactory.AdminKey);
        var anonymous = App.CreateValidatedClient(traffic, key: null);
        var s = await BookingScenario.CreateAsync(admin, key => App.CreateValidatedClient(traffic, key), users: 2);
        var api = s.Client;
        var user = s.UserIds[0];

        // Sub-accounts, users, calendars.
        await ExpectAsync(api.GetAsync(s.Base), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{s.Base}/users?limit=1"), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{s.Base}/users/{user}"), HttpStatusCode.OK);
        var cid = await s.CreateCalendarAsync(overrides: new { publicBooking = true, bufferAfterMinutes = 10 });
        await ExpectAsync(api.GetAsync($"{s.Base}/calendars"), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{s.Base}/calendars/{cid}"), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Patch, $"{s.Base}/calendars/{cid}", """{"name": "Intro call"}"""), HttpStatusCode.OK);

        // Free slots, then a booking with an idempotency key, its replay, a reschedule and a cancellation.
        var start = BookingScenario.NewYork(daysAhead: 3, hour: 10);
        var day = BookingScenario.LocalDate(start);
        await ExpectAsync(api.GetAsync($"{s.Base}/calendars/{cid}/free-slots?start={day:yyyy-MM-dd}&end={day.AddDays(1):yyyy-MM-dd}&timeZone=Europe/Berlin"), HttpStatusCode.OK);
        var booking = $$$"""{"start": "{{{BookingScenario.Iso(start)}}}", "title": "Consultation", "contact": {"name": "Pat Doe", "email": "pat@example.com"}}""";
        var created = await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments", booking, idempotencyKey: "order-4711"), HttpStatusCode.Created);
        var aid = created!["id"]!.GetValue<string>();
        await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments", booking, idempotencyKey: "order-4711"), HttpStatusCode.Created);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments", booking), HttpStatusCode.Conflict);
        await ExpectAsync(api.GetAsync($"{s.Base}/calendars/{cid}/appointments/{aid}"), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Patch, $"{s.Base}/calendars/{cid}/appointments/{aid}", $$$"""{"start": "{{{BookingScenario.Iso(start.AddHours(1))}}}"}"""), HttpStatusCode.OK);
        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(1)))}";
        await ExpectAsync(api.GetAsync($"{s.Base}/appointments?{range}&limit=10"), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{s.Base}/users/{user}/busy?{range}"), HttpStatusCode.OK);
        var explained = await ExpectAsync(api.GetAsync($"{s.Base}/calendars/{cid}/availability?date={day:yyyy-MM-dd}&timeZone=Europe/Berlin"), HttpStatusCode.OK);
        Assert.Contains(explained!["slots"]!.AsArray().SelectMany(x => x!["reasons"]!.AsArray()), r => r!["source"]?["appointmentId"] is not null);
        await ExpectAsync(api.DeleteAsync($"{s.Base}/calendars/{cid}/appointments/{aid}"), HttpStatusCode.NoContent);

        // Errors: their bodies are checked too.
        await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments", """{"contact": {"name": ""}}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments", """{"start": 5}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{s.Base}/calendars/{cid}/appointments",
            $$$"""{"start": "{{{BookingScenario.Iso(start.AddHours(-7))}}}", "contact": {"name": "Night Owl"}}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(anonymous.GetAsync(s.Base), HttpStatusCode.Unauthorized);
        await ExpectAsync(api.GetAsync($"{s.Base}/calendars/cal_unknown"), HttpStatusCode.NotFound);
        await ExpectAsync(Send(admin, HttpMethod.Post, "/v1/subaccounts", "name=x", mediaType: "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType);

        // Public booking.
        var publicStart = start.AddHours(3);
        await ExpectAsync(anonymous.GetAsync($"/v1/public/calendars/{cid}"), HttpStatusCode.OK);
        await ExpectAsync(anonymous.GetAsync($"/v1/public/calendars/{cid}/free-slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}"), HttpStatusCode.OK);
        await ExpectAsync(Send(anonymous, HttpMethod.Post, $"/v1/public/calendars/{cid}/appointments",
            $$$"""{"start": "{{{BookingScenario.Iso(publicStart)}}}", "contact": {"name": "Sam Roe", "email": "sam@example.com"}}""", idempotencyKey: "page-1"), HttpStatusCode.Created);

        // Outlook: connect through the emulator, configure, sync, disconnect; then link and unlink the booking calendar.
        var mailbox = outlook.NewMailbox();
        outlook.Outlook.AddEvent(mailbox.Email, mailbox.WorkCalendarId, new EventSpec("Dentist", start.AddHours(2).UtcDateTime, start.AddHours(3).UtcDateTime, "UTC"));
        var connections = $"{s.Base}/users/{user}/connections/outlook";
        var connect = await ExpectAsync(Send(api, HttpMethod.Post, connections, """{"access": "readWrite"}"""), HttpStatusCode.Created);
        var callback = await OutlookConnectFlow.SignInAsync(outlook.Outlook, connect!["authorizationUrl"]!.GetValue<string>(), mailbox.Email);
        await ExpectAsync(anonymous.GetAsync(callback.PathAndQuery), HttpStatusCode.OK);
        await ExpectAsync(anonymous.GetAsync("/v1/oauth/outlook/callback?state=unknown&code=x"), HttpStatusCode.BadRequest);
        await ExpectAsync(api.GetAsync(connections), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{connections}/calendars"), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Put, $"{connections}/configuration",
            $$$"""{"linkedCalendarId": "{{{mailbox.DefaultCalendarId}}}", "conflictCalendarIds": ["{{{mailbox.WorkCalendarId}}}"], "syncPreferences": {"onCancel": "markCancelled"}}"""), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{connections}/sync", null), HttpStatusCode.Accepted);
        await Eventually.ValueAsync(
            () => ExpectAsync(api.GetAsync($"{s.Base}/calendars/{cid}/availability?date={day:yyyy-MM-dd}&userId={user}"), HttpStatusCode.OK),
            a => a!["slots"]!.AsArray().SelectMany(x => x!["reasons"]!.AsArray()).Any(r => r!["source"]?["outlookCalendarId"] is not null),
            "an explanation naming the Outlook event");
        await ExpectAsync(api.DeleteAsync(connections), HttpStatusCode.NoContent);
        await ExpectAsync(Send(api, HttpMethod.Put, $"{s.Base}/calendars/{cid}/linked-calendar", """{"provider": "outlook"}"""), HttpStatusCode.OK);
        await ExpectAsync(api.DeleteAsync($"{s.Base}/calendars/{cid}/linked-calendar"), HttpStatusCode.NoContent);
        await ExpectAsync(api.DeleteAsync($"{s.Base}/calendars/{cid}"), HttpStatusCode.NoContent);

        // What Microsoft Graph calls, and what operators call.
        await ExpectAsync(Send(anonymous, HttpMethod.Post, "/v1/webhooks/outlook?validationToken=token-1", null), HttpStatusCode.OK);
        await ExpectAsync(Send(anonymous, HttpMethod.Post, "/v1/webhooks/outlook/lifecycle?validationToken=token-2", null), HttpStatusCode.OK);
        await ExpectAsync(Send(anonymous, HttpMethod.Post, "/v1/webhooks/outlook", """{"value": [{"subscriptionId": "sub-1", "clientState": "x", "resource": "r", "changeType": "updated"}]}"""), HttpStatusCode.Accepted);
        await ExpectAsync(Send(anonymous, HttpMethod.Post, "/v1/webhooks/outlook", """{"value": 1}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync("/v1/cluster"), HttpStatusCode.Forbidden);
        await ExpectAsync(anonymous.GetAsync("/health/live"), HttpStatusCode.OK);
        await ExpectAsync(anonymous.GetAsync("/health/ready"), HttpStatusCode.OK);

        // Event webhooks: an endpoint (never reached: a public address, and no network here), a test ping, the delivery log, a retry.
        var endpoints = $"{s.Base}/webhook-endpoints";
        var endpoint = await ExpectAsync(Send(api, HttpMethod.Post, endpoints, """{"url": "https://93.184.216.34/hooks/calendar", "eventTypes": ["appointment.created"], "description": "CRM"}"""), HttpStatusCode.Created);
        var eid = endpoint!["id"]!.GetValue<string>();
        await ExpectAsync(Send(api, HttpMethod.Post, endpoints, """{"url": "https://127.0.0.1/hook"}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(Send(api, HttpMethod.Post, endpoints, """{"url": "https://93.184.216.34/hook", "eventTypes": ["appointment.deleted"]}"""), HttpStatusCode.BadRequest);
        await ExpectAsync(api.GetAsync($"{endpoints}?limit=10"), HttpStatusCode.OK);
        await ExpectAsync(api.GetAsync($"{endpoints}/{eid}"), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Patch, $"{endpoints}/{eid}", """{"eventTypes": [], "status": "enabled"}"""), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{endpoints}/{eid}/test", null), HttpStatusCode.Accepted);
        var deliveries = await ExpectAsync(api.GetAsync($"{endpoints}/{eid}/deliveries?status=pending"), HttpStatusCode.OK);
        await ExpectAsync(Send(api, HttpMethod.Post, $"{endpoints}/{eid}/deliveries/{deliveries!["items"]![0]!["id"]}/retry", null), HttpStatusCode.Accepted);
        await ExpectAsync(api.DeleteAsync($"{endpoints}/{eid}"), HttpStatusCode.NoContent);
        await ExpectAsync(api.GetAsync($"{endpoints}/{eid}"), HttpStatusCode.NotFound);

        traffic.AssertNoViolations();
        var unanswered = traffic.Contract.Operations
            .Where(o => !traffic.Answers.TryGetValue(o.Name, out var statuses) || !statuses.Any(status => status < 400))
            .Select(o => o.Name)
            .ToList();
        Assert.True(unanswered.Count == 0, "Operations of the document this traffic never got a success from:\n" + string.Join("\n", unanswered));
    }

    private static async Task<JsonNode?> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && text.Length > 0 ? JsonNode.Parse(text) : null;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? body, string? idempotencyKey = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
