using System.Net;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

public sealed class OutlookPushDurabilityTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    [Fact]
    public async Task A_push_owed_when_the_process_stops_lands_after_the_restart()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir, subAccountBase, appointmentId, calendarId, apiKey, mailbox, linkedCalendar;
        await using (var first = new CalendarAppFactory(settings: settings))
        {
            var s = await SyncScenario.CreateAsync(outlook, first, mailboxName: "Restart");
            outlook.Outlook.AddFault(FaultRule.Fail(503, "/v1.0/me/calendars", count: null, method: "POST", mailbox: s.Mailbox.Email));
            appointmentId = await s.Booking.BookOkAsync(s.CalendarId, BookingScenario.NewYork(7, 10));
            await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId), a => a["sync"]![0]!["lastError"] is not null, "a failed attempt");
            (dataDir, subAccountBase, calendarId, mailbox, linkedCalendar) = (first.DataDir, s.Booking.Base, s.CalendarId, s.Mailbox.Email, s.Mailbox.DefaultCalendarId);
            apiKey = s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        // Graph is back while the server is down; nothing but the restarted server can push the appointment now.
        outlook.Outlook.ClearFaults();
        Assert.Empty(outlook.Outlook.ListEvents(mailbox, linkedCalendar));

        await using var second = new CalendarAppFactory(dataDir, settings);
        var client = second.CreateClientWithKey(apiKey);
        var appointment = await Eventually.ValueAsync(
            async () => (await client.GetJsonAsync($"{subAccountBase}/calendars/{calendarId}/appointments/{appointmentId}")).Body!,
            a => a["sync"]![0]!["state"]!.GetValue<string>() == "synced", "the push to land after the restart");
        var eventId = appointment["sync"]![0]!["externalEventId"]!.GetValue<string>();
        Assert.NotNull(outlook.Outlook.FindEvent(mailbox, eventId));
        Assert.Single(outlook.Outlook.ListEvents(mailbox, linkedCalendar));
    }

    [Fact]
    public async Task A_restart_wakes_every_integration_but_polls_only_when_its_period_is_up()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir, connectionUrl, apiKey, mailbox, calendarsBefore;
        await using (var first = new CalendarAppFactory(settings: settings))
        {
            var s = await SyncScenario.CreateAsync(outlook, first, mailboxName: "Woken");
            s.Control.AddEvent(s.Mailbox.Email, s.Mailbox.WorkCalendarId, new EventSpec("Standup", DateTime.UtcNow.Date.AddDays(2).AddHours(14), DateTime.UtcNow.Date.AddDays(2).AddHours(15)));
            await s.SyncAsync();
            (dataDir, connectionUrl, mailbox) = (first.DataDir, s.ConnectionUrl, s.Mailbox.Email);
            calendarsBefore = Counts(await s.ConnectionAsync());
            apiKey = s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = new CalendarAppFactory(dataDir, settings);
        second.Start();
        await Eventually.ValueAsync(
            async () => (await second.CreateAdminClient().GetJsonAsync("/v1/cluster")).Body!["silos"]![0]!["activations"]!["OutlookIntegrationGrain"]?.GetValue<int>(),
            count => count == 1, "the restarted server to wake the integration");

        // Synced just before the restart, with an hour to go: waking it sends nothing to Graph (no restart storm).
        await Task.Delay(TimeSpan.FromSeconds(1));
        bool Polled() => outlook.Outlook.GetRequestLog(mailbox).Any(r => r.Timestamp > restartedAt && r.PathAndQuery.Contains("delta", StringComparison.OrdinalIgnoreCase));
        Assert.False(Polled());

        // What it had imported came back from storage with it.
        var client = second.CreateClientWithKey(apiKey);
        Assert.Equal(calendarsBefore, Counts((await client.GetJsonAsync(connectionUrl)).Body!));
        Assert.Contains("\"events\":1", calendarsBefore, StringComparison.Ordinal);

        // It is awake all the same: asked to sync, it does.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync($"{connectionUrl}/sync", null)).Status);
        await Eventually.TrueAsync(Polled, "the requested sync to reach Graph");
    }

    /// <summary>Each pulled calendar's id with its event counts, as one comparable string.</summary>
    private static string Counts(System.Text.Json.Nodes.JsonNode connection) =>
        string.Join(";", connection["calendars"]!.AsArray().Select(c => $"{c!["id"]}:{{\"events\":{c["events"]},\"busyEvents\":{c["busyEvents"]}}}").Order(StringComparer.Ordinal));
}
