using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Control;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// A user with a booking calendar (09:00–17:00 New York, 30-minute slots) and a connected, configured Outlook
/// mailbox: the default Outlook calendar linked, the Work calendar a conflict calendar.
/// </summary>
public sealed class SyncScenario
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private SyncScenario(OutlookFixture outlook, CalendarAppFactory app, BookingScenario booking, TestMailbox mailbox, string calendarId)
    {
        Outlook = outlook;
        App = app;
        Booking = booking;
        Mailbox = mailbox;
        CalendarId = calendarId;
    }

    public OutlookFixture Outlook { get; }

    public CalendarAppFactory App { get; }

    public BookingScenario Booking { get; }

    public TestMailbox Mailbox { get; }

    public string CalendarId { get; }

    public string UserId => Booking.UserIds[0];

    public HttpClient Client => Booking.Client;

    public string ConnectionUrl => $"{Booking.Base}/users/{UserId}/connections/outlook";

    public GraphEmulatorControl Control => Outlook.Outlook;

    public static async Task<SyncScenario> CreateAsync(OutlookFixture outlook, CalendarAppFactory? app = null, object? configuration = null, string mailboxName = "Adele")
    {
        app ??= outlook.App;
        var booking = await BookingScenario.CreateAsync(app);
        var calendarId = await booking.CreateCalendarAsync();
        var mailbox = outlook.NewMailbox(mailboxName);
        await OutlookConnectFlow.ConnectOkAsync(outlook, app, booking.Client, booking.SubAccountId, booking.UserIds[0], mailbox.Email);
        var scenario = new SyncScenario(outlook, app, booking, mailbox, calendarId);
        await scenario.ConfigureAsync(configuration ?? new
        {
            linkedCalendarId = mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { mailbox.WorkCalendarId },
        });
        return scenario;
    }

    public async Task<JsonNode> ConfigureAsync(object configuration)
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"{ConnectionUrl}/configuration", configuration);
        Assert.True(status == HttpStatusCode.OK, $"configuration answered {(int)status}: {body?.ToJsonString()}");
        await SyncAsync();
        return body!;
    }

    public async Task<JsonNode> ConnectionAsync()
    {
        var (status, body) = await Client.GetJsonAsync(ConnectionUrl);
        Assert.True(status == HttpStatusCode.OK, $"connection answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Asks for a sync through the API (202) and waits until the connection says it has finished.</summary>
    public async Task<JsonNode> SyncAsync(bool expectSuccess = true)
    {
        var (status, body) = await Client.PostJsonAsync($"{ConnectionUrl}/sync", null);
        Assert.True(status == HttpStatusCode.Accepted, $"sync answered {(int)status}: {body?.ToJsonString()}");
        var connection = await Eventually.ValueAsync(ConnectionAsync, c => !c["syncing"]!.GetValue<bool>(), "a finished sync");
        if (expectSuccess)
        {
            Assert.True(connection["lastError"] is null, $"sync failed: {connection.ToJsonString()}");
        }

        return connection;
    }

    /// <summary>An event in the Work (conflict) calendar at New York wall-clock times.</summary>
    public EmulatedEvent AddWorkEvent(string subject, DateTimeOffset start, DateTimeOffset end, string showAs = "busy", string sensitivity = "normal") =>
        Control.AddEvent(Mailbox.Email, Mailbox.WorkCalendarId, new EventSpec(subject, Local(start), Local(end), "America/New_York") { ShowAs = showAs, Sensitivity = sensitivity });

    public async Task<List<(DateTimeOffset Start, DateTimeOffset End, string Source, string? Title)>> BusyAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var (status, body) = await Client.GetJsonAsync(
            $"{Booking.Base}/users/{UserId}/busy?start={Uri.EscapeDataString(BookingScenario.Iso(from))}&end={Uri.EscapeDataString(BookingScenario.Iso(to))}");
        Assert.True(status == HttpStatusCode.OK, $"busy answered {(int)status}: {body?.ToJsonString()}");
        return body!["intervals"]!.AsArray()
            .Select(i => (
                DateTimeOffset.Parse(i!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime(),
                DateTimeOffset.Parse(i["end"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime(),
                i["source"]!.GetValue<string>(),
                i["title"]?.GetValue<string>()))
            .ToList();
    }

    /// <summary>Free slot starts on one New York date, as local "HH:mm".</summary>
    public async Task<List<string>> FreeTimesAsync(DateOnly date) =>
        (await Booking.FreeSlotStartsAsync(CalendarId, date, date))
            .Select(s => TimeZoneInfo.ConvertTime(s, NewYork).ToString("HH:mm", CultureInfo.InvariantCulture))
            .ToList();

    public async Task<JsonNode> AppointmentAsync(string appointmentId)
    {
        var (status, body) = await Client.GetJsonAsync($"{Booking.Base}/calendars/{CalendarId}/appointments/{appointmentId}");
        Assert.True(status == HttpStatusCode.OK, $"appointment answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Waits until the user's sync entry of the appointment is in <paramref name="state"/>; returns the entry.</summary>
    public async Task<JsonNode> WaitForSyncStateAsync(string appointmentId, string state)
    {
        var appointment = await Eventually.ValueAsync(() => AppointmentAsync(appointmentId),
            a => a["sync"]!.AsArray().Any(s => s!["userId"]!.GetValue<string>() == UserId && s["state"]!.GetValue<string>() == state),
            $"sync entry '{state}'");
        return appointment["sync"]!.AsArray().Single(s => s!["userId"]!.GetValue<string>() == UserId)!;
    }

    public static DateTime Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, NewYork).DateTime;
}
