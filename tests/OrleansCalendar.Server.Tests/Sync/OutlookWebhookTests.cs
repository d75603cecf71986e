using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>
/// Graph change notifications: the emulator creates real subscriptions (validating the endpoints) and posts real
/// notifications to the server's listener. Polling is an hour away, so whatever arrives came through webhooks.
/// </summary>
public sealed class OutlookWebhookTests(WebhookFixture outlook) : IClassFixture<WebhookFixture>
{
    private const string Notifications = "orleans_calendar.webhook.notifications";

    private static DateTimeOffset Wednesday(int hour, int minute = 0, int weeks = 0) => BookingScenario.NewYork(7, hour, minute).AddDays(7 * weeks);

    [Theory]
    [InlineData("/v1/webhooks/outlook")]
    [InlineData("/v1/webhooks/outlook/lifecycle")]
    public async Task The_validation_handshake_echoes_the_token_as_plain_text(string path)
    {
        using var client = outlook.App.CreateClient();
        const string token = "Validation: Testing client application reachability for subscription Request-Id: 4e1c";

        using var response = await client.PostAsync($"{path}?validationToken={Uri.EscapeDataString(token)}", new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_pulled_calendar_gets_a_subscription_that_the_connection_shows_without_its_secret()
    {
        var s = await SyncScenario.CreateAsync(outlook);

        var subscriptions = s.Control.ListSubscriptions(s.Mailbox.Email);
        Assert.Equal(
            new[] { s.Mailbox.DefaultCalendarId, s.Mailbox.WorkCalendarId }.Order(StringComparer.Ordinal),
            subscriptions.Select(x => x.CalendarId!).Order(StringComparer.Ordinal));
        var baseUrl = outlook.App.KestrelBaseUrl!.ToString().TrimEnd('/');
        Assert.All(subscriptions, x =>
        {
            Assert.Equal("created,updated,deleted", x.ChangeType);
            Assert.Equal($"me/calendars/{x.CalendarId}/events", x.Resource);
            Assert.Equal($"{baseUrl}/v1/webhooks/outlook", x.NotificationUrl);
            Assert.Equal($"{baseUrl}/v1/webhooks/outlook/lifecycle", x.LifecycleNotificationUrl);
            Assert.True(x.ClientState!.Length >= 40, "the clientState is a long random secret");
        });
        Assert.NotEqual(subscriptions[0].ClientState, subscriptions[1].ClientState);

        var connection = await s.ConnectionAsync();
        Assert.Equal("active", connection["webhooks"]!.GetValue<string>());
        foreach (var calendar in connection["calendars"]!.AsArray())
        {
            var webhook = calendar!["webhook"]!;
            var subscription = subscriptions.Single(x => x.CalendarId == calendar["id"]!.GetValue<string>());
            Assert.Equal("active", webhook["state"]!.GetValue<string>());
            Assert.Equal(subscription.Id, webhook["subscriptionId"]!.GetValue<string>());
            Assert.NotNull(webhook["expiresAt"]);
        }

        var text = connection.ToJsonString();
        Assert.All(subscriptions, x => Assert.DoesNotContain(x.ClientState!, text, StringComparison.Ordinal));
        Assert.All(subscriptions, x => Assert.DoesNotContain(x.ClientState!, string.Join("\n", outlook.App.Logs.Lines), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_created_in_Outlook_becomes_busy_through_a_notification_without_any_sync_request()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        Assert.Contains("10:00", await s.FreeTimesAsync(date));

        var added = s.AddWorkEvent("Dentist", Wednesday(10), Wednesday(10, 30));

        await Eventually.ValueAsync(() => s.FreeTimesAsync(date), free => !free.Contains("10:00"), "the notified event to block 10:00");
        var delivery = await s.Control.WaitForDeliveryAsync(d => d.EventId == added.Id && d.Completed);
        Assert.Equal(202, delivery.StatusCode);
        Assert.True(delivery.LastDuration < TimeSpan.FromSeconds(3), $"acknowledged in {delivery.LastDuration}");
        var work = (await s.ConnectionAsync())["calendars"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!;
        Assert.NotNull(work["webhook"]!["lastNotificationAt"]);
    }

    [Fact]
    public async Task A_notification_with_a_wrong_clientState_changes_nothing_and_is_counted_while_the_right_one_syncs()
    {
        using var metrics = new MetricRecorder(outlook.App, "orleans_calendar.webhook.");
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        var subscription = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        s.Control.PauseSubscription(subscription.Id);
        s.AddWorkEvent("Unannounced", Wednesday(11), Wednesday(11, 30));
        s.Control.ClearRequestLog();

        var spoofed = await PostNotificationAsync(subscription.Id, "not-the-secret");
        var missing = await PostNotificationAsync(subscription.Id, clientState: null);

        Assert.Equal(HttpStatusCode.Accepted, spoofed);
        Assert.Equal(HttpStatusCode.Accepted, missing);
        Assert.Equal(2, metrics.Total(Notifications, "outcome=wrong_client_state"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Contains("11:00", await s.FreeTimesAsync(date));
        Assert.DoesNotContain(s.Control.GetRequestLog(s.Mailbox.Email), r => r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase));

        // The same notification with the subscription's secret is acted on.
        Assert.Equal(HttpStatusCode.Accepted, await PostNotificationAsync(subscription.Id, subscription.ClientState));
        await Eventually.ValueAsync(() => s.FreeTimesAsync(date), free => !free.Contains("11:00"), "the genuine notification to sync");
        Assert.Equal(1, metrics.Total(Notifications, "outcome=accepted"));
    }

    [Fact]
    public async Task A_burst_of_200_notifications_for_one_calendar_causes_a_handful_of_delta_runs()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        s.Control.ClearRequestLog();
        var subscription = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);

        for (var i = 0; i < 200; i++)
        {
            var start = Wednesday(9).AddDays(i / 16).AddMinutes(30 * (i % 16));
            s.AddWorkEvent($"Burst {i}", start, start.AddMinutes(30));
        }

        await s.Control.WaitForPendingDeliveriesAsync(TimeSpan.FromSeconds(60));
        var deliveries = s.Control.ListDeliveries(subscription.Id);
        Assert.Equal(200, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(202, d.StatusCode));

        await Eventually.ValueAsync(s.ConnectionAsync,
            c => c["calendars"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!["busyEvents"]!.GetValue<int>() == 200,
            "all 200 events to be busy");
        var runs = s.Control.GetRequestLog(s.Mailbox.Email).Count(r => r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(runs, 1, 10);
    }

    [Fact]
    public async Task Lifecycle_missed_runs_an_incremental_sync()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        var subscription = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        s.Control.PauseSubscription(subscription.Id);
        s.AddWorkEvent("Lost notification", Wednesday(14), Wednesday(14, 30));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Contains("14:00", await s.FreeTimesAsync(date));
        s.Control.ClearRequestLog();

        var delivery = await s.Control.SendLifecycleNotificationAsync(subscription.Id, "missed");

        Assert.Equal(202, delivery.StatusCode);
        await Eventually.ValueAsync(() => s.FreeTimesAsync(date), free => !free.Contains("14:00"), "the missed change to arrive");
        var deltas = s.Control.GetRequestLog(s.Mailbox.Email).Where(r => r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(deltas);
        Assert.All(deltas, r => Assert.Contains("$deltatoken=", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lifecycle_reauthorization_required_renews_with_a_freshly_refreshed_token()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var subscription = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        var tokensBefore = s.Control.ListIssuedTokens(s.Mailbox.Email).Count;
        s.Control.ClearRequestLog();

        var delivery = await s.Control.SendLifecycleNotificationAsync(subscription.Id, "reauthorizationRequired");

        Assert.Equal(202, delivery.StatusCode);
        await Eventually.TrueAsync(
            () => s.Control.GetRequestLog(s.Mailbox.Email).Any(r => r.Method == "PATCH" && r.PathAndQuery.Contains(subscription.Id, StringComparison.OrdinalIgnoreCase) && r.StatusCode == 200),
            "a renewal of the subscription");
        Assert.True(s.Control.ListIssuedTokens(s.Mailbox.Email).Count > tokensBefore, "the token was refreshed for the renewal");
        var renewed = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        Assert.Equal(subscription.Id, renewed.Id);
        Assert.True(renewed.ExpirationDateTime > subscription.ExpirationDateTime);
        var work = await WorkWebhookAsync(s, w => w["state"]!.GetValue<string>() == "active");
        Assert.Equal(subscription.Id, work["subscriptionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lifecycle_subscription_removed_creates_a_new_subscription_that_delivers()
    {
        using var metrics = new MetricRecorder(outlook.App, "orleans_calendar.webhook.");
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        var removed = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);

        var delivery = await s.Control.SendLifecycleNotificationAsync(removed.Id, "subscriptionRemoved");

        Assert.Equal(202, delivery.StatusCode);
        var work = await WorkWebhookAsync(s, w => w["state"]!.GetValue<string>() == "active" && w["subscriptionId"]?.GetValue<string>() != removed.Id);
        var replacement = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        Assert.Equal(replacement.Id, work["subscriptionId"]!.GetValue<string>());
        Assert.NotEqual(removed.ClientState, replacement.ClientState);

        s.AddWorkEvent("After the new subscription", Wednesday(15), Wednesday(15, 30));
        await Eventually.ValueAsync(() => s.FreeTimesAsync(date), free => !free.Contains("15:00"), "a notification of the new subscription");

        // The old subscription's notifications no longer route anywhere, even with its own secret.
        Assert.Equal(HttpStatusCode.Accepted, await PostNotificationAsync(removed.Id, removed.ClientState));
        Assert.Equal(1, metrics.Total(Notifications, "outcome=unknown_subscription"));
    }

    [Fact]
    public async Task Removing_a_calendar_deletes_its_subscription_and_disconnecting_deletes_all()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        Assert.Equal(2, s.Control.ListSubscriptions(s.Mailbox.Email).Count);

        await s.ConfigureAsync(new { linkedCalendarId = s.Mailbox.DefaultCalendarId, conflictCalendarIds = Array.Empty<string>() });

        await Eventually.TrueAsync(() => s.Control.ListSubscriptions(s.Mailbox.Email).Count == 1, "the Work calendar's subscription to go");
        Assert.Equal(s.Mailbox.DefaultCalendarId, s.Control.ListSubscriptions(s.Mailbox.Email).Single().CalendarId);

        var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl);

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Empty(s.Control.ListSubscriptions(s.Mailbox.Email));
    }

    [Fact]
    public async Task Subscriptions_are_renewed_before_they_expire_and_recreated_when_Graph_lost_them()
    {
        var lifetime = TimeSpan.FromSeconds(4);
        var settings = OutlookFixture.Settings(outlook.Emulator, WebhookFixture.WebhookSettings(lifetime));
        await using var app = WebhookFixture.CreateListeningApp(settings);
        app.Start();
        var s = await SyncScenario.CreateAsync(outlook, app);
        var first = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);

        // Outlive the first expiry twice over: the same subscription, renewed, still live and still delivering.
        await Task.Delay(lifetime * 2);
        var renewed = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        Assert.Equal(first.Id, renewed.Id);
        Assert.False(renewed.IsExpired);
        Assert.True(renewed.ExpirationDateTime > first.ExpirationDateTime + lifetime);
        var date = BookingScenario.LocalDate(Wednesday(9));
        s.AddWorkEvent("After renewals", Wednesday(9), Wednesday(9, 30));
        await Eventually.ValueAsync(() => s.FreeTimesAsync(date), free => !free.Contains("09:00"), "a notification after renewals");

        // Graph forgets it (no notice): the next renewal finds it gone and subscribes again.
        s.Control.RemoveSubscription(first.Id);
        await Eventually.TrueAsync(
            () => s.Control.ListSubscriptions(s.Mailbox.Email).Any(x => x.CalendarId == s.Mailbox.WorkCalendarId && x.Id != first.Id),
            "a new subscription for the Work calendar");
    }

    [Fact]
    public async Task Polling_slows_to_the_safety_net_while_webhooks_are_healthy_and_resumes_while_a_calendar_has_no_subscription()
    {
        var extra = WebhookFixture.WebhookSettings();
        extra["Sync:IntervalSeconds"] = "1";
        await using var app = WebhookFixture.CreateListeningApp(OutlookFixture.Settings(outlook.Emulator, extra));
        app.Start();
        var s = await SyncScenario.CreateAsync(outlook, app);
        bool IsPollOfDefault(GraphEmulator.Traffic.RequestLogEntry r) =>
            r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase) && r.PathAndQuery.Contains(s.Mailbox.DefaultCalendarId, StringComparison.Ordinal);
        s.Control.ClearRequestLog();

        // Healthy: a 1-second polling period is stretched to the safety net (an hour here).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.DoesNotContain(s.Control.GetRequestLog(s.Mailbox.Email), IsPollOfDefault);
        Assert.Equal("active", (await s.ConnectionAsync())["webhooks"]!.GetValue<string>());

        // Graph drops the Work subscription and refuses new ones: the connection shows it and polling resumes.
        var fault = s.Control.AddFault(FaultRule.Fail(503, pathPrefix: "/v1.0/subscriptions", count: null, method: "POST", mailbox: s.Mailbox.Email));
        var work = s.Control.ListSubscriptions(s.Mailbox.Email).Single(x => x.CalendarId == s.Mailbox.WorkCalendarId);
        await s.Control.SendLifecycleNotificationAsync(work.Id, "subscriptionRemoved");
        var failed = await WorkWebhookAsync(s, w => w["state"]!.GetValue<string>() == "failed");
        Assert.Contains("503", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("degraded", (await s.ConnectionAsync())["webhooks"]!.GetValue<string>());
        s.Control.ClearRequestLog();
        await Eventually.TrueAsync(() => s.Control.GetRequestLog(s.Mailbox.Email).Count(IsPollOfDefault) >= 2, "polling at the normal period");

        // Graph accepts subscriptions again: the retry lands and the connection is healthy again.
        s.Control.RemoveFault(fault.Id);
        await WorkWebhookAsync(s, w => w["state"]!.GetValue<string>() == "active");
        Assert.Equal("active", (await s.ConnectionAsync())["webhooks"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_and_oversized_bodies_are_refused_whole_and_unknown_subscriptions_are_dropped()
    {
        using var metrics = new MetricRecorder(outlook.App, "orleans_calendar.webhook.");
        using var client = outlook.App.CreateClient();

        (await PostAsync(client, "/v1/webhooks/outlook", "{not json")).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
        (await PostAsync(client, "/v1/webhooks/outlook", "{\"value\": []}")).AssertProblem(HttpStatusCode.BadRequest, "invalid-notification");
        (await PostAsync(client, "/v1/webhooks/outlook", "[1,2]")).AssertProblem(HttpStatusCode.BadRequest, "invalid-notification");
        (await PostAsync(client, "/v1/webhooks/outlook", "{\"value\": [{\"changeType\": \"created\", \"clientState\": \"x\"}]}"))
            .AssertProblem(HttpStatusCode.BadRequest, "invalid-notification");
        (await PostAsync(client, "/v1/webhooks/outlook/lifecycle", "{\"value\": [{\"subscriptionId\": \"a\", \"clientState\": 5, \"lifecycleEvent\": \"missed\"}]}"))
            .AssertProblem(HttpStatusCode.BadRequest, "invalid-notification");
        var huge = "{\"value\": [{\"subscriptionId\": \"" + new string('a', 100) + "\", \"changeType\": \"created\", \"pad\": \"" + new string('x', 1024 * 1024) + "\"}]}";
        (await PostAsync(client, "/v1/webhooks/outlook", huge)).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(5, metrics.Total("orleans_calendar.webhook.rejected_bodies", "reason=malformed"));
        Assert.Equal(1, metrics.Total("orleans_calendar.webhook.rejected_bodies", "reason=too_large"));

        Assert.Equal(HttpStatusCode.Accepted, await PostNotificationAsync(Guid.NewGuid().ToString(), "whatever"));
        Assert.Equal(1, metrics.Total(Notifications, "outcome=unknown_subscription"));
    }

    private async Task<HttpStatusCode> PostNotificationAsync(string subscriptionId, string? clientState)
    {
        using var client = outlook.App.CreateClient();
        var body = new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscriptionId,
                ["clientState"] = clientState,
                ["changeType"] = "created",
                ["resource"] = "Users/x/Events/y",
                ["resourceData"] = new JsonObject { ["id"] = "y" },
            }),
        };
        using var response = await client.PostAsync("/v1/webhooks/outlook", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text));
    }

    private static async Task<JsonNode> WorkWebhookAsync(SyncScenario s, Func<JsonNode, bool> done)
    {
        var connection = await Eventually.ValueAsync(s.ConnectionAsync,
            c => done(c["calendars"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!["webhook"]!),
            "the Work calendar's webhook state");
        return connection["calendars"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!["webhook"]!;
    }
}
