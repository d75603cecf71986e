using System.Net;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>The server and the Graph emulator with event webhooks to a loopback receiver.</summary>
public sealed class OutlookEventsFixture : OutlookFixture, IAsyncLifetime
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IDictionary<string, string?>? ExtraSettings =>
        new Dictionary<string, string?>(SyncFixture.SyncSettings.Concat(EventsFixture.Settings));

    public new async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class OutlookEventTests(OutlookEventsFixture outlook) : IClassFixture<OutlookEventsFixture>
{
    [Fact]
    public async Task Connecting_losing_the_refresh_token_and_disconnecting_post_connection_events_with_the_connection_as_GET_shows_it()
    {
        var booking = await BookingScenario.CreateAsync(outlook.App);
        var userId = booking.UserIds[0];
        var url = outlook.Receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(booking.Client, booking.SubAccountId, url, "connection.connected", "connection.needsReconnect", "connection.disconnected");
        var mailbox = outlook.NewMailbox("Events");
        var connectionUrl = $"{booking.Base}/users/{userId}/connections/outlook";

        await OutlookConnectFlow.ConnectOkAsync(outlook, outlook.App, booking.Client, booking.SubAccountId, userId, mailbox.Email);
        var connected = (await outlook.Receiver.WaitAsync(path, r => r.Count >= 1, "connection.connected"))[0];
        Assert.Equal("connection.connected", connected.Type);
        Assert.Equal(userId, connected.Data["userId"]!.GetValue<string>());
        Assert.Equal("connected", connected.Data["status"]!.GetValue<string>());
        Assert.Equal(mailbox.Email, connected.Data["account"]!["email"]!.GetValue<string>());

        outlook.Outlook.RevokeRefreshTokens(mailbox.Email);
        outlook.Outlook.ExpireAccessTokens(mailbox.Email);
        (await booking.Client.GetJsonAsync($"{connectionUrl}/calendars")).AssertProblem(HttpStatusCode.Conflict, "needs-reconnect");
        var reconnect = (await outlook.Receiver.WaitAsync(path, r => r.Count >= 2, "connection.needsReconnect"))[1];
        Assert.Equal("connection.needsReconnect", reconnect.Type);
        Assert.Equal("needsReconnect", reconnect.Data["status"]!.GetValue<string>());
        var (_, shown) = await booking.Client.GetJsonAsync(connectionUrl);
        Assert.Equal(shown!["lastError"]!.GetValue<string>(), reconnect.Data["lastError"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await booking.Client.SendJsonAsync(HttpMethod.Delete, connectionUrl)).Status);
        var disconnected = (await outlook.Receiver.WaitAsync(path, r => r.Count >= 3, "connection.disconnected"))[2];
        Assert.Equal("connection.disconnected", disconnected.Type);
        Assert.Equal("disconnected", disconnected.Data["status"]!.GetValue<string>());
        Assert.Equal(userId, disconnected.Data["userId"]!.GetValue<string>());

        // A reconnect after the disconnect is a new connected event, not a replay of an old one.
        await OutlookConnectFlow.ConnectOkAsync(outlook, outlook.App, booking.Client, booking.SubAccountId, userId, mailbox.Email);
        var again = await outlook.Receiver.WaitAsync(path, r => r.Count >= 4, "connection.connected again");
        Assert.Equal("connection.connected", again[3].Type);
        Assert.Equal(4, again.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task Moving_and_deleting_the_copy_in_Outlook_post_rescheduled_and_cancelled_changed_by_outlook()
    {
        var s = await SyncScenario.CreateAsync(outlook, mailboxName: "TwoWay");
        await s.ConfigureAsync(new { linkedCalendarId = s.Mailbox.DefaultCalendarId, conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId }, syncPreferences = new { direction = "twoWay" } });
        var url = outlook.Receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(s.Client, s.Booking.SubAccountId, url, "appointment.created", "appointment.rescheduled", "appointment.cancelled");
        var wednesday = BookingScenario.NewYork(7, 10);
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, wednesday);
        var entry = await s.WaitForSyncStateAsync(appointmentId, "synced");
        var eventId = entry["externalEventId"]!.GetValue<string>();

        s.Control.UpdateEvent(s.Mailbox.Email, eventId, new EventPatch { Start = SyncScenario.Local(wednesday.AddHours(5)), End = SyncScenario.Local(wednesday.AddHours(5.5)), TimeZone = "America/New_York" });
        await s.SyncAsync();
        var moved = await outlook.Receiver.WaitAsync(path, r => r.Count >= 2, "appointment.rescheduled");
        Assert.Equal("appointment.rescheduled", moved[1].Type);
        Assert.Equal("outlook", moved[1].Data["changedBy"]!.GetValue<string>());
        Assert.Equal(wednesday.AddHours(5), moved[1].Data["start"]!.GetValue<DateTimeOffset>());

        // Once the move is pushed back to the copy, deleting the copy cancels the appointment.
        entry = await s.WaitForSyncStateAsync(appointmentId, "synced");
        s.Control.DeleteEvent(s.Mailbox.Email, entry["externalEventId"]!.GetValue<string>());
        await s.SyncAsync();
        var cancelled = await outlook.Receiver.WaitAsync(path, r => r.Count >= 3, "appointment.cancelled");
        Assert.Equal(["appointment.created", "appointment.rescheduled", "appointment.cancelled"], cancelled.Select(h => h.Type));
        Assert.Equal(["api", "outlook", "outlook"], cancelled.Select(h => h.Data["changedBy"]!.GetValue<string>()));
    }
}
