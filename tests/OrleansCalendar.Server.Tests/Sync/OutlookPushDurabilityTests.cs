using System.Net;
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
}
