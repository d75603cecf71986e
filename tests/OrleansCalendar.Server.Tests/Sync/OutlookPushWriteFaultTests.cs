using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>
/// Pushes and two-way changes from Outlook with each write of the integration failing in turn (before and after it
/// reached storage), then a restart on the same data: every appointment is in the linked calendar exactly once, where
/// it is, and the busy view holds it once and nothing else.
/// </summary>
public sealed class OutlookPushWriteFaultTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private const string TagId = "String {4f3b6a1e-2c7d-4e8a-9b51-0d6c2e7f9a34} Name OrleansCalendarAppointmentId";
    private static readonly Func<WriteTarget, bool> Integration = w => w.StateName == "outlook-integration";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Dictionary<string, string?> Settings => OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);

    [Fact]
    public async Task A_booking_lands_in_Outlook_exactly_once_whichever_write_of_the_integration_fails_even_after_a_restart()
    {
        string dataDir;
        SyncScenario s;
        SweepResult<Booked> sweep;
        await using (var app = new CalendarAppFactory(settings: Settings, injectStorageFaults: true))
        {
            dataDir = app.DataDir;
            s = await SyncScenario.CreateAsync(outlook, app, mailboxName: "PushFaults");
            var slot = 0;
            sweep = await WriteFaultSweep.RunAsync(app.Faults!, Integration,
                arrange: () => Task.FromResult(new Booked(s, slot < 8 ? BookingScenario.NewYork(7, 9 + slot++) : BookingScenario.NewYork(14, 1 + slot++))),
                operation: async b => b.AppointmentId = await s.Booking.BookOkAsync(s.CalendarId, b.Start),
                idle: b => WaitForAsync(s.Client, b, a => SyncState(a) == "synced", "the push to land"),
                retry: _ => Task.CompletedTask,
                check: b => AssertCopiedOnceAsync(s.Client, b));
        }

        sweep.AssertEveryPositionFailed();
        await using var restarted = new CalendarAppFactory(dataDir, Settings);
        var client = restarted.CreateClientWithKey(Key(s));
        foreach (var booked in sweep.Cases)
        {
            await AssertCopiedOnceAsync(client, booked);
        }

        Assert.Equal(0, (await client.GetJsonAsync(s.ConnectionUrl)).Body!["pendingPushes"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_copy_moved_or_deleted_in_Outlook_moves_or_cancels_its_appointment_once_whichever_write_of_the_integration_fails_even_after_a_restart(bool moved)
    {
        Func<HttpClient, Booked, Task> assert = moved ? AssertMovedAsync : AssertCancelledAsync;
        Func<JsonNode, Booked, bool> followed = moved
            ? (a, b) => Start(a) == b.MovedTo && SyncState(a) == "synced"
            : (a, _) => a["status"]!.GetValue<string>() == "cancelled" && SyncState(a) == "synced";
        string dataDir;
        SweepResult<Booked> sweep;
        await using (var app = new CalendarAppFactory(settings: Settings, injectStorageFaults: true))
        {
            dataDir = app.DataDir;
            sweep = await WriteFaultSweep.RunAsync(app.Faults!, Integration,
                arrange: () => TwoWayBookingAsync(app),
                operation: b => ChangeInOutlookAsync(b, moved),
                idle: b => WaitForAsync(b.Scenario.Client, b, a => followed(a, b), "the appointment to follow Outlook"),
                retry: _ => Task.CompletedTask,
                check: b => assert(b.Scenario.Client, b));
        }

        sweep.AssertEveryPositionFailed();
        await using var restarted = new CalendarAppFactory(dataDir, Settings);
        foreach (var booked in sweep.Cases)
        {
            await assert(restarted.CreateClientWithKey(Key(booked.Scenario)), booked);
        }
    }

    private async Task<Booked> TwoWayBookingAsync(CalendarAppFactory app)
    {
        var s = await SyncScenario.CreateAsync(outlook, app, new
        {
            linkedCalendarId = (string?)null,
            conflictCalendarIds = Array.Empty<string>(),
        });
        await s.ConfigureAsync(new
        {
            linkedCalendarId = s.Mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId },
            syncPreferences = new { direction = "twoWay" },
        });
        var booked = new Booked(s, BookingScenario.NewYork(7, 10)) { MovedTo = BookingScenario.NewYork(7, 15) };
        booked.AppointmentId = await s.Booking.BookOkAsync(s.CalendarId, booked.Start);
        await WaitForAsync(s.Client, booked, a => SyncState(a) == "synced", "the push to land");
        return booked;
    }

    private static async Task ChangeInOutlookAsync(Booked b, bool moved)
    {
        var s = b.Scenario;
        var copy = Assert.Single(Copies(b));
        if (moved)
        {
            s.Control.UpdateEvent(s.Mailbox.Email, copy.Id, new EventPatch { Start = SyncScenario.Local(b.MovedTo), End = SyncScenario.Local(b.MovedTo.AddMinutes(30)), TimeZone = "America/New_York" });
        }
        else
        {
            s.Control.DeleteEvent(s.Mailbox.Email, copy.Id);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await s.Client.PostJsonAsync($"{s.ConnectionUrl}/sync", null)).Status);
    }

    private static async Task AssertCopiedOnceAsync(HttpClient client, Booked b)
    {
        var appointment = await AppointmentAsync(client, b);
        Assert.Equal("synced", SyncState(appointment));
        var copy = Assert.Single(Copies(b));
        Assert.Equal(appointment["sync"]![0]!["externalEventId"]!.GetValue<string>(), copy.Id);
        Assert.Equal(b.Start.ToUniversalTime(), copy.Start.ToUniversalTime());
    }

    private static async Task AssertMovedAsync(HttpClient client, Booked b)
    {
        var appointment = await AppointmentAsync(client, b);
        Assert.Equal(("confirmed", b.MovedTo), (appointment["status"]!.GetValue<string>(), Start(appointment)));
        Assert.Equal(b.MovedTo.ToUniversalTime(), Assert.Single(Copies(b)).Start.ToUniversalTime());
        var busy = await BusyAsync(client, b);
        Assert.Equal([("appointment", b.MovedTo.ToUniversalTime())], busy);
    }

    private static async Task AssertCancelledAsync(HttpClient client, Booked b)
    {
        Assert.Equal("cancelled", (await AppointmentAsync(client, b))["status"]!.GetValue<string>());
        Assert.Empty(Copies(b));
        Assert.Empty(await BusyAsync(client, b));
    }

    /// <summary>Events in the linked calendar that copy the appointment (by our tag).</summary>
    private static List<EmulatedEvent> Copies(Booked b) =>
        [.. b.Scenario.Control.ListEvents(b.Scenario.Mailbox.Email, b.Scenario.Mailbox.DefaultCalendarId)
            .Where(e => e.ExtendedProperties.TryGetValue(TagId, out var tag) && tag == $"{b.Scenario.Booking.SubAccountId}/{b.AppointmentId}")];

    private static async Task<List<(string Source, DateTimeOffset Start)>> BusyAsync(HttpClient client, Booked b)
    {
        var s = b.Scenario;
        var from = Uri.EscapeDataString(BookingScenario.Iso(b.Start.AddHours(-3)));
        var to = Uri.EscapeDataString(BookingScenario.Iso(b.Start.AddHours(8)));
        var (_, body) = await client.GetJsonAsync($"{s.Booking.Base}/users/{s.UserId}/busy?start={from}&end={to}");
        return [.. body!["intervals"]!.AsArray().Select(i => (i!["source"]!.GetValue<string>(), i["start"]!.GetValue<DateTimeOffset>().ToUniversalTime()))];
    }

    private static Task<JsonNode> WaitForAsync(HttpClient client, Booked b, Func<JsonNode, bool> done, string what) =>
        Eventually.ValueAsync(() => AppointmentAsync(client, b), done, what, Patience);

    private static async Task<JsonNode> AppointmentAsync(HttpClient client, Booked b)
    {
        var (status, body) = await client.GetJsonAsync($"{b.Scenario.Booking.Base}/calendars/{b.Scenario.CalendarId}/appointments/{b.AppointmentId}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    private static string SyncState(JsonNode appointment) => appointment["sync"]![0]!["state"]!.GetValue<string>();

    private static DateTimeOffset Start(JsonNode appointment) => appointment["start"]!.GetValue<DateTimeOffset>();

    private static string Key(SyncScenario s) => s.Client.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>One appointment of a case: where it was booked, where Outlook moves it, its id once booked.</summary>
    private sealed class Booked(SyncScenario scenario, DateTimeOffset start)
    {
        public SyncScenario Scenario { get; } = scenario;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset MovedTo { get; init; }

        public string? AppointmentId { get; set; }
    }
}
