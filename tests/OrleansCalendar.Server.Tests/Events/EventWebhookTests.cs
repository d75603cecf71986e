using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Storage;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

public sealed class EventWebhookTests(EventsFixture fixture) : IClassFixture<EventsFixture>
{
    private WebhookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task A_booking_posts_a_signed_created_event_whose_data_is_the_appointment_as_GET_shows_it()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var url = Receiver.NewUrl(out var path);
        var (_, secret) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);

        var appointmentId = await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));

        var hook = (await Receiver.WaitAsync(path, r => r.Count >= 1, "the created event")).Single();
        Assert.True(hook.IsSignedWith(secret), $"bad signature {hook.Signature} for {hook.Body}");
        Assert.StartsWith("evt_", hook.Id, StringComparison.Ordinal);
        Assert.InRange(hook.SentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("appointment.created", hook.Type);
        Assert.NotNull(hook.Json["timestamp"]);
        var (_, appointment) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{calendarId}/appointments/{appointmentId}");
        var data = hook.Data.AsObject().DeepClone().AsObject();
        Assert.Equal("api", data["changedBy"]!.GetValue<string>());
        data.Remove("changedBy");
        Assert.True(JsonNode.DeepEquals(appointment, data), $"data {data.ToJsonString()} is not GET {appointment!.ToJsonString()}");

        var delivery = (await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, (await EndpointIdAsync(s, url))!)).Single();
        Assert.Equal(hook.Id, delivery["eventId"]!.GetValue<string>());
        Assert.Equal("appointment.created", delivery["eventType"]!.GetValue<string>());
        await Eventually.ValueAsync(
            async () => (await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, (await EndpointIdAsync(s, url))!)).Single()["status"]!.GetValue<string>(),
            status => status == "succeeded", "the delivery to be logged as succeeded");
    }

    [Fact]
    public async Task A_public_booking_then_a_move_and_a_cancel_post_created_rescheduled_and_cancelled_in_that_order()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync(overrides: new { publicBooking = true });
        var url = Receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);

        var anonymous = fixture.App.CreateClient();
        var (status, booked) = await anonymous.PostJsonAsync($"/v1/public/calendars/{calendarId}/appointments",
            new { start = BookingScenario.Iso(BookingScenario.NewYork(7, 10)), contact = new { name = "Visitor", email = "visitor@example.com" } });
        Assert.Equal(HttpStatusCode.Created, status);
        var appointmentUrl = $"{s.Base}/calendars/{calendarId}/appointments/{booked!["id"]}";
        Assert.Equal(HttpStatusCode.OK, (await s.Client.SendJsonAsync(HttpMethod.Patch, appointmentUrl, new { start = BookingScenario.Iso(BookingScenario.NewYork(7, 11)) })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, appointmentUrl)).Status);

        var hooks = await Receiver.WaitAsync(path, r => r.Count >= 3, "three events");
        Assert.Equal(["appointment.created", "appointment.rescheduled", "appointment.cancelled"], hooks.Select(h => h.Type));
        Assert.Equal(["public", "api", "api"], hooks.Select(h => h.Data["changedBy"]!.GetValue<string>()));
        Assert.Equal(BookingScenario.NewYork(7, 11), hooks[1].Data["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal("cancelled", hooks[2].Data["status"]!.GetValue<string>());
        Assert.Equal(3, hooks.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task Events_of_one_appointment_arrive_in_order_while_appointments_are_delivered_side_by_side()
    {
        var s = await BookingScenario.CreateAsync(fixture.App, users: 4);
        var calendars = new List<string>();
        foreach (var user in s.UserIds)
        {
            calendars.Add(await s.CreateCalendarAsync(userIds: [user]));
        }

        var url = Receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);

        // A receiver that answers late, at random: only ordering by the sender keeps each appointment's events in order.
        var random = new Random(7);
        var inFlight = 0;
        var maxInFlight = 0;
        Receiver.Answer(path, async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            int delay;
            lock (random)
            {
                delay = random.Next(10, 120);
            }

            await Task.Delay(delay);
            Interlocked.Decrement(ref inFlight);
            return Results.Ok();
        });

        var ids = await Task.WhenAll(calendars.Select(async (calendarId, i) =>
        {
            var id = await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 9));
            var appointmentUrl = $"{s.Base}/calendars/{calendarId}/appointments/{id}";
            foreach (var hour in new[] { 10, 11, 12 })
            {
                Assert.Equal(HttpStatusCode.OK, (await s.Client.SendJsonAsync(HttpMethod.Patch, appointmentUrl, new { start = BookingScenario.Iso(BookingScenario.NewYork(7, hour)) })).Status);
            }

            Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, appointmentUrl)).Status);
            return id;
        }));

        var hooks = await Receiver.WaitAsync(path, r => r.Count >= ids.Length * 5, "every event");
        foreach (var id in ids)
        {
            var mine = hooks.Where(h => h.Data["id"]!.GetValue<string>() == id).ToList();
            Assert.Equal(["appointment.created", "appointment.rescheduled", "appointment.rescheduled", "appointment.rescheduled", "appointment.cancelled"], mine.Select(h => h.Type));
            Assert.Equal([9, 10, 11, 12, 12], mine.Select(h => TimeZoneInfo.ConvertTime(h.Data["start"]!.GetValue<DateTimeOffset>(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Hour));
        }

        Assert.True(maxInFlight > 1, "independent appointments were never delivered concurrently");
    }

    [Fact]
    public async Task A_booking_refused_for_its_slot_posts_no_event_and_leaves_nothing_prepared()
    {
        // A booking's event is prepared while its hold is taken, before the slot is known to be free.
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var url = Receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url, "appointment.created");
        var start = BookingScenario.NewYork(7, 10);

        var booked = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => s.BookAsync(calendarId, start)));
        var won = Assert.Single(booked, b => b.Status == HttpStatusCode.Created);
        Assert.All(booked.Where(b => b.Status != HttpStatusCode.Created), b => Assert.Equal(HttpStatusCode.Conflict, b.Status));

        // The refused ones' prepared events are aborted (or found aborted by verification, 1 s here): the outbox empties.
        var storage = fixture.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var publisher = fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventPublisherGrain>(s.SubAccountId).GetGrainId();
        await Eventually.ValueAsync(async () =>
        {
            var outbox = new GrainState<EventOutboxState>(new EventOutboxState());
            await storage.ReadStateAsync("event-outbox", publisher, outbox);
            return outbox.State?.Events.Count ?? 0;
        }, count => count == 0, "the outbox to hold no prepared event");
        var hook = Assert.Single(await Receiver.WaitAsync(path, r => r.Count >= 1, "the winner's event"));
        Assert.Equal(won.Body!["id"]!.GetValue<string>(), hook.Data["id"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.Single(Receiver.Received(path));
    }

    [Fact]
    public async Task An_endpoint_gets_only_the_event_types_it_subscribed_to()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var cancelledUrl = Receiver.NewUrl(out var cancelledPath);
        var allUrl = Receiver.NewUrl(out var allPath);
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, cancelledUrl, "appointment.cancelled");
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, allUrl);

        var id = await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));
        await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{calendarId}/appointments/{id}");

        await Receiver.WaitAsync(allPath, r => r.Count >= 2, "both events at the catch-all endpoint");
        var filtered = await Receiver.WaitAsync(cancelledPath, r => r.Count >= 1, "the cancelled event");
        await Task.Delay(300);
        Assert.Equal(["appointment.cancelled"], Receiver.Received(cancelledPath).Select(h => h.Type));
        Assert.Equal(id, filtered[0].Data["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Endpoints_are_created_listed_changed_and_deleted_and_the_secret_is_shown_only_once()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var baseUrl = $"{s.Base}/webhook-endpoints";
        var (status, created) = await s.Client.PostJsonAsync(baseUrl, new { url = Receiver.NewUrl(out _), eventTypes = new[] { "appointment.created" } });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created!["id"]!.GetValue<string>();
        Assert.Equal("enabled", created["status"]!.GetValue<string>());
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        await s.Client.PostJsonAsync(baseUrl, new { url = Receiver.NewUrl(out _) });
        await s.Client.PostJsonAsync(baseUrl, new { url = Receiver.NewUrl(out _) });

        var (_, got) = await s.Client.GetJsonAsync($"{baseUrl}/{id}");
        Assert.Null(got!["secret"]);
        Assert.DoesNotContain(secret, got.ToJsonString(), StringComparison.Ordinal);
        var (_, page1) = await s.Client.GetJsonAsync($"{baseUrl}?limit=2");
        Assert.Equal(2, page1!["items"]!.AsArray().Count);
        var (_, page2) = await s.Client.GetJsonAsync($"{baseUrl}?limit=2&cursor={Uri.EscapeDataString(page1["nextCursor"]!.GetValue<string>())}");
        Assert.Single(page2!["items"]!.AsArray());
        Assert.Null(page2["nextCursor"]);
        Assert.DoesNotContain("whsec_", page1.ToJsonString() + page2.ToJsonString(), StringComparison.Ordinal);

        var (patched, changed) = await s.Client.SendJsonAsync(HttpMethod.Patch, $"{baseUrl}/{id}", new { description = "CRM", status = "disabled", eventTypes = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("CRM", changed!["description"]!.GetValue<string>());
        Assert.Equal("disabled", changed["status"]!.GetValue<string>());
        Assert.Empty(changed["eventTypes"]!.AsArray());
        Assert.Equal(created["url"]!.GetValue<string>(), changed["url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{baseUrl}/{id}")).Status);
        (await s.Client.GetJsonAsync($"{baseUrl}/{id}")).AssertProblem(HttpStatusCode.NotFound, "webhook-endpoint-not-found");
    }

    [Fact]
    public async Task Unknown_event_types_and_bad_bodies_are_400_at_their_field()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var response = await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { url = Receiver.NewUrl(out _), eventTypes = new[] { "appointment.created", "appointment.deleted" } });
        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("appointment.deleted", response.Body!["errors"]!["eventTypes"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { url = "not a url" })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { eventTypes = new[] { "ping" } })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        var (_, created) = await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { url = Receiver.NewUrl(out _) });
        var endpointUrl = $"{s.Base}/webhook-endpoints/{created!["id"]}";
        (await s.Client.SendJsonAsync(HttpMethod.Patch, endpointUrl, new { status = "paused" })).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
        (await s.Client.SendJsonAsync(HttpMethod.Patch, endpointUrl, new { })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{endpointUrl}/deliveries?status=lost")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_failing_endpoint_gets_the_same_webhook_id_on_every_retry_until_it_answers()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var url = Receiver.NewUrl(out var path);
        var (endpointId, secret) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);
        var calls = 0;
        Receiver.Answer(path, _ => Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Ok()));

        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));

        var hooks = await Receiver.WaitAsync(path, r => r.Count >= 3, "two failed attempts and a third that succeeds");
        Assert.Single(hooks.Select(h => h.Id).Distinct());
        Assert.All(hooks, h => Assert.True(h.IsSignedWith(secret)));
        var delivery = await Eventually.ValueAsync(
            async () => (await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId)).Single(),
            d => d["status"]!.GetValue<string>() == "succeeded", "the delivery to succeed");
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["lastStatusCode"]!.GetValue<int>());
        await Task.Delay(500);
        Assert.Equal(3, Receiver.Received(path).Count);
    }

    [Fact]
    public async Task A_delivery_that_failed_every_attempt_is_failed_and_a_retry_by_hand_sends_it_again()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var url = Receiver.NewUrl(out var path);
        var (endpointId, _) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);
        Receiver.Answer(path, 500);
        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));

        var failed = await Eventually.ValueAsync(
            async () => await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "failed"),
            d => d.Count == 1, "the delivery to fail after the whole schedule");
        Assert.Equal(4, failed[0]["attempts"]!.GetValue<int>());
        Assert.Equal(500, failed[0]["lastStatusCode"]!.GetValue<int>());
        Assert.Null(failed[0]["nextAttemptAt"]);
        Assert.Equal(4, Receiver.Received(path).Count);
        Assert.Empty(await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "pending"));

        Receiver.Answer(path, 200);
        var retryUrl = $"{s.Base}/webhook-endpoints/{endpointId}/deliveries/{failed[0]["id"]}/retry";
        Assert.Equal(HttpStatusCode.Accepted, (await s.Client.PostJsonAsync(retryUrl, null)).Status);

        var hooks = await Receiver.WaitAsync(path, r => r.Count >= 5, "the retried delivery");
        Assert.Single(hooks.Select(h => h.Id).Distinct());
        await Eventually.ValueAsync(
            async () => (await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId)).Single()["status"]!.GetValue<string>(),
            status => status == "succeeded", "the retried delivery to be logged as succeeded");
        (await s.Client.PostJsonAsync(retryUrl, null)).AssertProblem(HttpStatusCode.Conflict, "delivery-not-retryable");
        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/deliveries/dlv_aaaaaaaaaaaaaaaaaaaa/retry", null)).AssertProblem(HttpStatusCode.NotFound, "delivery-not-found");
    }

    [Fact]
    public async Task A_busy_days_log_is_kept_in_bounded_pages_and_lists_and_retries_across_them()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();
        var url = Receiver.NewUrl(out var path);
        var (endpointId, _) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);
        var slots = BookingScenario.HalfHours(7).Take(DeliveryLogPages.Capacity + 21).ToList();

        // The day's first delivery fails for good (page 0), then more than a page's worth succeed.
        Receiver.Answer(path, 500);
        await s.BookOkAsync(calendarId, slots[0]);
        var failed = await Eventually.ValueAsync(
            async () => await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "failed"),
            d => d.Count == 1, "the first delivery to fail");
        Receiver.Answer(path, 200);
        foreach (var slot in slots.Skip(1))
        {
            await s.BookOkAsync(calendarId, slot);
        }

        var logged = await Eventually.ValueAsync(
            async () => await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "succeeded"),
            d => d.Count == slots.Count - 1, "every other delivery to be logged as succeeded", TimeSpan.FromSeconds(60));
        var all = await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId);
        Assert.Equal(slots.Count, all.Select(d => d["id"]!.GetValue<string>()).Distinct().Count());
        var created = all.Select(d => d["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);

        // Every page holds at most its capacity, and the deliveries span more than one page.
        var pages = all.Select(d => DeliveryLogPages.Locate(d["id"]!.GetValue<string>())!.Value).Distinct().ToList();
        Assert.True(pages.Count >= 2, $"{all.Count} deliveries on {pages.Count} log page(s)");
        var grains = fixture.App.Services.GetRequiredService<IGrainFactory>();
        foreach (var (day, page) in pages)
        {
            var log = grains.GetGrain<IDeliveryLogGrain>($"{GrainKeys.Scoped(s.SubAccountId, endpointId)}/{day:yyyyMMdd}/{page}");
            Assert.InRange((await log.ListAsync(null, null, 10 * DeliveryLogPages.Capacity)).Count, 1, DeliveryLogPages.Capacity);
        }

        // The failed one, on the first page, is retried by its id.
        Assert.Equal(failed[0]["id"]!.GetValue<string>(), all[^1]["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/deliveries/{failed[0]["id"]}/retry", null)).Status);
        await Eventually.ValueAsync(
            async () => await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "succeeded"),
            d => d.Count == slots.Count, "the retried delivery to succeed");
    }

    [Fact]
    public async Task Test_sends_one_signed_ping()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var url = Receiver.NewUrl(out var path);
        var (endpointId, secret) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url, "appointment.created");

        Assert.Equal(HttpStatusCode.Accepted, (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/test", null)).Status);

        var ping = (await Receiver.WaitAsync(path, r => r.Count >= 1, "the ping")).Single();
        Assert.Equal("ping", ping.Type);
        Assert.True(ping.IsSignedWith(secret));
        await Task.Delay(300);
        Assert.Single(Receiver.Received(path));
    }

    [Fact]
    public async Task Another_sub_accounts_endpoints_and_deliveries_are_404_and_its_events_never_reach_them()
    {
        var a = await BookingScenario.CreateAsync(fixture.App);
        var b = await BookingScenario.CreateAsync(fixture.App);
        var urlA = Receiver.NewUrl(out var pathA);
        var (endpointA, _) = await EventEndpoints.CreateAsync(a.Client, a.SubAccountId, urlA);

        foreach (var (method, suffix) in new[] { (HttpMethod.Get, ""), (HttpMethod.Patch, ""), (HttpMethod.Delete, ""), (HttpMethod.Post, "/test"), (HttpMethod.Get, "/deliveries") })
        {
            var body = method == HttpMethod.Patch ? new { description = "mine" } : null;
            (await b.Client.SendJsonAsync(method, $"{b.Base}/webhook-endpoints/{endpointA}{suffix}", body)).AssertProblem(HttpStatusCode.NotFound, "webhook-endpoint-not-found");
            (await b.Client.SendJsonAsync(method, $"{a.Base}/webhook-endpoints/{endpointA}{suffix}", body)).AssertProblem(HttpStatusCode.NotFound, "subaccount-not-found");
        }

        var (_, listB) = await b.Client.GetJsonAsync($"{b.Base}/webhook-endpoints");
        Assert.Empty(listB!["items"]!.AsArray());

        var calendarB = await b.CreateCalendarAsync();
        await b.BookOkAsync(calendarB, BookingScenario.NewYork(7, 10));
        await Task.Delay(500);
        Assert.Empty(Receiver.Received(pathA));
        Assert.Equal(HttpStatusCode.OK, (await a.Client.GetJsonAsync($"{a.Base}/webhook-endpoints/{endpointA}")).Status);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        var url = Receiver.NewUrl(out var path);
        Receiver.NewUrl(out var redirectedTo);
        Receiver.Answer(path, _ => Task.FromResult(Results.Redirect(Receiver.Url(redirectedTo), preserveMethod: true)));
        var (endpointId, _) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);

        await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/test", null);

        var failed = await Eventually.ValueAsync(
            async () => await EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "failed"),
            d => d.Count == 1, "the redirected delivery to fail");
        Assert.Equal(307, failed[0]["lastStatusCode"]!.GetValue<int>());
        Assert.Empty(Receiver.Received(redirectedTo));
    }

    private static async Task<string?> EndpointIdAsync(BookingScenario s, string url)
    {
        var (_, page) = await s.Client.GetJsonAsync($"{s.Base}/webhook-endpoints");
        return page!["items"]!.AsArray().FirstOrDefault(e => e!["url"]!.GetValue<string>() == url)?["id"]!.GetValue<string>();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
