using System.Net;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Connections;

/// <summary>A write of the integration that fails leaves nothing half done: no claim without a connection, no connection without its claim.</summary>
public sealed class OutlookConsistencyTests(StorageFaultFixture outlook) : IClassFixture<StorageFaultFixture>
{
    private const string Integration = "outlook-integration";

    private CalendarAppFactory App => outlook.App;

    [Fact]
    public async Task A_connect_whose_integration_write_fails_leaves_the_account_free_for_the_next_connect()
    {
        var first = await BookingScenario.CreateAsync(App);
        var second = await BookingScenario.CreateAsync(App);
        var mailbox = outlook.NewMailbox();
        var callback = await AuthorizeAsync(first, mailbox.Email);

        outlook.Faults.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == Integration);
        using (var failed = await OutlookConnectFlow.CallbackAsync(App, callback))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        outlook.Faults.Reset();
        (await first.Client.GetJsonAsync(ConnectionUrl(first))).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
        var connection = await OutlookConnectFlow.ConnectOkAsync(outlook, App, second.Client, second.SubAccountId, second.UserIds[0], mailbox.Email);
        Assert.Equal("connected", connection["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disconnect_whose_write_fails_keeps_the_connection_its_claim_and_its_busy_time_until_the_retry_completes_it()
    {
        var s = await SyncScenario.CreateAsync(outlook, App);
        var other = await BookingScenario.CreateAsync(App);
        s.AddWorkEvent("Dentist", BookingScenario.NewYork(7, 14), BookingScenario.NewYork(7, 15));
        await s.SyncAsync();

        outlook.Faults.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == Integration);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl)).Status);
        outlook.Faults.Reset();

        Assert.Equal("connected", (await s.ConnectionAsync())["status"]!.GetValue<string>());
        Assert.Contains(await s.BusyAsync(BookingScenario.NewYork(7, 0), BookingScenario.NewYork(7, 23)), b => b.Source == "outlook");
        using (var refused = await OutlookConnectFlow.ConnectAsync(outlook, App, other.Client, other.SubAccountId, other.UserIds[0], s.Mailbox.Email))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("account-in-use", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl)).Status);
        Assert.DoesNotContain(await s.BusyAsync(BookingScenario.NewYork(7, 0), BookingScenario.NewYork(7, 23)), b => b.Source == "outlook");
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, other.Client, other.SubAccountId, other.UserIds[0], s.Mailbox.Email);
    }

    [Fact]
    public async Task A_configuration_whose_write_fails_is_neither_shown_nor_used()
    {
        var s = await SyncScenario.CreateAsync(outlook, App);

        outlook.Faults.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == Integration);
        var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{s.ConnectionUrl}/configuration", new { conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId } });
        outlook.Faults.Reset();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var connection = await s.ConnectionAsync();
        Assert.Equal(s.Mailbox.DefaultCalendarId, connection["linkedCalendarId"]?.GetValue<string>());
        // The linked calendar stored is the one in force: a new appointment is still pushed to it.
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, BookingScenario.NewYork(7, 10));
        await s.WaitForSyncStateAsync(appointmentId, "synced");
    }

    [Fact]
    public async Task While_storage_refuses_the_integration_s_writes_no_turn_calls_Graph_and_the_push_lands_once_it_takes_them_again()
    {
        var s = await SyncScenario.CreateAsync(outlook, App);
        var graphDown = s.Control.AddFault(FaultRule.Fail(503, "/v1.0/me/calendars", count: null, method: "POST", mailbox: s.Mailbox.Email));
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, BookingScenario.NewYork(7, 11));
        await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId), a => a["sync"]![0]!["lastError"] is not null, "a failed push");

        // Every write of the integration is refused for a while (reads still work, as on a full disk), while the push
        // keeps failing at Graph and is due again every second.
        var refusals = new List<DateTimeOffset>();
        var refusalEnds = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        outlook.Faults.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == Integration);
        while (DateTimeOffset.UtcNow < refusalEnds)
        {
            if (outlook.Faults.Injected > 0)
            {
                refusals.Add(DateTimeOffset.UtcNow);
                outlook.Faults.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == Integration);
            }

            await Task.Delay(5);
        }

        outlook.Faults.Reset();
        s.Control.RemoveFault(graphDown.Id);

        // It kept trying storage (with pauses), but once a write had failed it asked Graph for nothing.
        Assert.True(refusals.Count >= 2, $"refused writes: {refusals.Count}");
        var graphCallsWhileRefused = s.Control.GetRequestLog(s.Mailbox.Email).Count(r => r.Timestamp > refusals[0] && r.Timestamp < refusalEnds);
        Assert.Equal(0, graphCallsWhileRefused);
        await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId), a => a["sync"]![0]!["state"]!.GetValue<string>() == "synced", "the push to land", TimeSpan.FromSeconds(60));
        Assert.Single(s.Control.ListEvents(s.Mailbox.Email, s.Mailbox.DefaultCalendarId));
    }

    private static string ConnectionUrl(BookingScenario s) => $"{s.Base}/users/{s.UserIds[0]}/connections/outlook";

    private async Task<Uri> AuthorizeAsync(BookingScenario s, string mailboxEmail)
    {
        var (status, body) = await s.Client.PostJsonAsync(ConnectionUrl(s), new { access = "readWrite", returnUrl = OutlookConnectFlow.ReturnUrl });
        Assert.Equal(HttpStatusCode.Created, status);
        return await OutlookConnectFlow.SignInAsync(outlook.Outlook, body!["authorizationUrl"]!.GetValue<string>(), mailboxEmail);
    }
}
