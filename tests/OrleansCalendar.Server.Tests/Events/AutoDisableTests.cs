using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

public sealed class AutoDisableTests
{
    [Fact]
    public async Task An_endpoint_whose_deliveries_all_fail_for_DisableAfter_is_disabled_and_can_be_enabled_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(EventsFixture.Settings)
        {
            ["Events:RetrySchedule"] = "00:00:00.300,00:00:00.300,00:00:00.300,00:00:00.300,00:00:00.300,00:00:00.300",
            ["Events:DisableAfter"] = "00:00:01",
        };
        await using var app = new CalendarAppFactory(settings: settings);
        var s = await BookingScenario.CreateAsync(app);
        var calendarId = await s.CreateCalendarAsync();
        var url = receiver.NewUrl(out var path);
        var (endpointId, _) = await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url);
        receiver.Answer(path, 500);

        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));

        var endpoint = await Eventually.ValueAsync(async () => (await s.Client.GetJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}")).Body!,
            e => e["status"]!.GetValue<string>() == "disabled", "the endpoint to be disabled");
        Assert.Contains("500", endpoint["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var failed = await Eventually.ValueAsync(() => EventEndpoints.DeliveriesAsync(s.Client, s.SubAccountId, endpointId, "failed"),
            d => d.Count == 1, "the pending delivery to be failed");
        var attempts = receiver.Received(path).Count;
        Assert.InRange(attempts, 2, 6);

        // Disabled: no more events, no test, no retry.
        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 11));
        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/test", null)).AssertProblem(HttpStatusCode.Conflict, "endpoint-disabled");
        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/deliveries/{failed[0]["id"]}/retry", null)).AssertProblem(HttpStatusCode.Conflict, "endpoint-disabled");
        await Task.Delay(500);
        Assert.Equal(attempts, receiver.Received(path).Count);

        // Enabled again, the failed delivery can be sent by hand.
        receiver.Answer(path, 200);
        var (_, enabled) = await s.Client.SendJsonAsync(HttpMethod.Patch, $"{s.Base}/webhook-endpoints/{endpointId}", new { status = "enabled" });
        Assert.Null(enabled!["disabledReason"]);
        Assert.Equal(HttpStatusCode.Accepted, (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints/{endpointId}/deliveries/{failed[0]["id"]}/retry", null)).Status);
        await receiver.WaitAsync(path, r => r.Count > attempts, "the retried delivery");
    }
}
