using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;

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

    public static async Task<string> RunAsync(string root, LoadOptions slotLoad)
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

        // Slot queries while Outlook is connected and polled: they are answered from our state. Graph requests seen
        // meanwhile are the 2-s polls' delta requests; anything else would be a query reaching out to Microsoft.
        var week = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var slotsUrl = $"{freeSlots}?start={week:yyyy-MM-dd}&end={week.AddDays(6):yyyy-MM-dd}&timeZone=UTC";
        emulator.Control.ClearRequestLog();
        var queries = await LoadGenerator.RunAsync(admin, "GET free-slots (Outlook connected)", slotsUrl, slotLoad);
        var duringQueries = emulator.Control.GetRequestLog();
        var polls = duringQueries.Count(r => r.PathAndQuery.Contains("/delta", StringComparison.OrdinalIgnoreCase));
        var perQuery = (duringQueries.Count - polls) / (double)queries.Requests;

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
            .AppendLine(CultureInfo.InvariantCulture, $"| Graph requests per free-slot query, Outlook connected ({queries.Requests:N0} queries; {polls} poll requests meanwhile) | {perQuery:0.000} | target 0 |")
            .AppendLine(CultureInfo.InvariantCulture, $"| free-slot queries meanwhile (7 days of 30-minute slots around the clock), {slotLoad.Concurrency} clients | {queries.RequestsPerSecond:0} /s, p50 {queries.P50Ms:0.00} ms, p99 {queries.P99Ms:0.00} ms | {queries.Errors} errors |")
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
        var connection = await Seeder.ConnectOutlookAsync(admin, emulator, sid, uid, mailbox, workCalendarId);
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
