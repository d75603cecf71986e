using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Outlook sync figures against the project's Graph emulator (loopback): Graph requests per steady-state sync
/// cycle per calendar, and how long an Outlook change takes to show in free slots with polling alone, reported
/// as a ratio to the polling period (with polling alone a change waits half a period on average, a whole one at worst).
/// </summary>
internal static class SyncScenario
{
    private const int PollSeconds = 2;
    private const int Cycles = 20;
    private const int Changes = 20;

    public static async Task<string> RunAsync(string root)
    {
        await using var emulator = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions());
        await using var server = await BenchmarkServer.StartAsync(root, ChangeLatency.ServerSettings(emulator, PollSeconds));
        using var admin = new HttpClient { BaseAddress = server.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

        var mailbox = emulator.Control.AddMailbox($"bench-{Guid.NewGuid():N}@contoso.test", "Bench Mark");
        var work = emulator.Control.AddCalendar(mailbox.Email, "Work");
        var (connection, freeSlots) = await ConnectAsync(admin, emulator, mailbox, work.Id);

        // Steady state: nothing changes in Outlook between cycles.
        await SyncNowAsync(admin, connection);
        emulator.Control.ClearRequestLog();
        for (var i = 0; i < Cycles; i++)
        {
            await SyncNowAsync(admin, connection);
        }

        var perCycle = emulator.Control.GetRequestLog(mailbox.Email).Count(r => r.PathAndQuery.Contains("/delta", StringComparison.OrdinalIgnoreCase)) / (double)Cycles / 2;

        // Change to visible, with polling alone.
        var latencies = await ChangeLatency.MeasureAsync(admin, emulator, mailbox, work.Id, freeSlots, Changes, TimeSpan.FromSeconds(PollSeconds));
        double P(double q) => ChangeLatency.Percentile(latencies, q);
        var period = PollSeconds * 1000.0;
        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Outlook sync against the Graph emulator on loopback, polling every {PollSeconds} s, no webhooks; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine("| figure | value | ratio to baseline |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Graph requests per steady-state sync cycle per calendar ({Cycles} cycles, 2 calendars) | {perCycle:0.00} | {perCycle:0.00} × the target of 1 |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Outlook change → free slots, p50 ({Changes} changes) | {P(0.5):0} ms | {P(0.5) / period:0.00} × polling period |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Outlook change → free slots, p95 | {P(0.95):0} ms | {P(0.95) / period:0.00} × polling period |")
            .ToString();
    }

    public static async Task<(string Connection, string FreeSlots)> ConnectAsync(HttpClient admin, GraphEmulatorServer emulator, EmulatedMailbox mailbox, string workCalendarId)
    {
        var account = await Seeder.PostAsync(admin, "/v1/subaccounts", new { name = "Sync bench", timeZone = "UTC" });
        var sid = account["id"]!.GetValue<string>();
        var uid = (await Seeder.PostAsync(admin, $"/v1/subaccounts/{sid}/users", new { name = "Bench Mark", email = "bench@example.com" }))["id"]!.GetValue<string>();
        var everyDay = new[] { new { start = "00:00", end = "24:00" } };
        var calendar = await Seeder.PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Bench", type = "personal", userIds = new[] { uid }, timeZone = "UTC", slotDurationMinutes = 30, bookingWindowDays = 365,
            weeklyHours = new { monday = everyDay, tuesday = everyDay, wednesday = everyDay, thursday = everyDay, friday = everyDay, saturday = everyDay, sunday = everyDay },
        });
        var connection = $"/v1/subaccounts/{sid}/users/{uid}/connections/outlook";
        var start = await Seeder.PostAsync(admin, connection, new { access = "readWrite" });

        emulator.Control.SetNextSignIn(new NextSignIn(mailbox.Email, false, ["Calendars.ReadWrite", "User.Read", "offline_access"]));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await browser.GetAsync(new Uri(start["authorizationUrl"]!.GetValue<string>()));
        using var callback = await browser.GetAsync(consent.Headers.Location!);
        if ((int)callback.StatusCode >= 400)
        {
            throw new InvalidOperationException($"The OAuth callback answered {(int)callback.StatusCode}.");
        }

        using var configured = await admin.PutAsJsonAsync($"{connection}/configuration", new { linkedCalendarId = mailbox.DefaultCalendarId, conflictCalendarIds = new[] { workCalendarId } });
        configured.EnsureSuccessStatusCode();
        return (connection, $"/v1/subaccounts/{sid}/calendars/{calendar["id"]!.GetValue<string>()}/free-slots");
    }

    private static async Task SyncNowAsync(HttpClient admin, string connection)
    {
        using var accepted = await admin.PostAsync($"{connection}/sync", null);
        accepted.EnsureSuccessStatusCode();
        while ((await admin.GetFromJsonAsync<JsonNode>(connection))!["syncing"]!.GetValue<bool>())
        {
            await Task.Delay(5);
        }
    }

    public static async Task<bool> SlotOfferedAsync(HttpClient admin, string url, DateTime startUtc)
    {
        var body = (await admin.GetFromJsonAsync<JsonNode>(url))!;
        return body["days"]!.AsArray().SelectMany(d => d!["slots"]!.AsArray())
            .Any(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime == startUtc);
    }
}
