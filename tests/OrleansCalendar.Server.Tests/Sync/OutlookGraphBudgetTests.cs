using System.Diagnostics;
using System.Net;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>One retry layer: Graph requests are made once, the integration decides when to try again, and no call waits on Graph past its budget.</summary>
public sealed class OutlookGraphBudgetTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    [Fact]
    public async Task A_push_throttled_with_Retry_After_3_is_tried_again_no_sooner_than_3_seconds_after_each_429_was_sent()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        s.Control.AddFault(FaultRule.Throttle("/v1.0/me/calendars", retryAfterSeconds: 3, count: 3, method: "POST", mailbox: s.Mailbox.Email));

        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, BookingScenario.NewYork(7, 10));
        await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId), a => a["sync"]![0]!["state"]!.GetValue<string>() == "synced", "the push to land", TimeSpan.FromSeconds(45));

        // Measured where Graph is: from the moment each 429 was sent to the arrival of the next attempt.
        var posts = s.Control.GetRequestLog(s.Mailbox.Email).Where(r => r.Method == "POST" && r.PathAndQuery.Contains("/events", StringComparison.Ordinal)).OrderBy(r => r.Timestamp).ToList();
        Assert.Equal([429, 429, 429, 201], posts.Select(r => r.StatusCode));
        foreach (var (throttled, retry) in posts.Zip(posts.Skip(1)))
        {
            var waited = retry.Timestamp - (throttled.Timestamp + throttled.Duration);
            Assert.True(waited >= TimeSpan.FromSeconds(3), $"an attempt came {waited.TotalMilliseconds:F3} ms after the 429 before it was sent");
        }
    }

    [Fact]
    public async Task While_Graph_hangs_listing_calendars_and_configuring_answer_503_outlook_unavailable_within_the_budget_and_the_integration_answers_afterwards()
    {
        var budget = TimeSpan.FromSeconds(3);
        await using var app = new CalendarAppFactory(settings: OutlookFixture.Settings(outlook.Emulator, new Dictionary<string, string?>(SyncFixture.SyncSettings)
        {
            ["Sync:TurnBudget"] = "00:00:03",
            ["Outlook:RequestTimeout"] = "00:02:00",
        }));
        var s = await SyncScenario.CreateAsync(outlook, app);
        var hang = s.Control.AddFault(FaultRule.Delay(TimeSpan.FromMinutes(2), mailbox: s.Mailbox.Email));
        try
        {
            var watch = Stopwatch.StartNew();
            (await s.Client.GetJsonAsync($"{s.ConnectionUrl}/calendars")).AssertProblem(HttpStatusCode.ServiceUnavailable, "outlook-unavailable");
            (await s.Client.SendJsonAsync(HttpMethod.Put, $"{s.ConnectionUrl}/configuration", new { linkedCalendarId = s.Mailbox.WorkCalendarId }))
                .AssertProblem(HttpStatusCode.ServiceUnavailable, "outlook-unavailable");

            // Two calls, each cut at the budget: well inside a grain call's 30-second response timeout.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"took {watch.Elapsed}");
            Assert.True(watch.Elapsed >= budget * 2, $"took {watch.Elapsed}");
        }
        finally
        {
            s.Control.RemoveFault(hang.Id);
        }

        // Nothing is left waiting on Graph inside the integration: it answers the next call at once.
        var (status, calendars) = await s.Client.GetJsonAsync($"{s.ConnectionUrl}/calendars");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, calendars!["items"]!.AsArray().Count);
        Assert.Equal(s.Mailbox.DefaultCalendarId, (await s.ConnectionAsync())["linkedCalendarId"]!.GetValue<string>());
    }
}
