using System.Globalization;
using System.Text;
using OrleansCalendar.GraphEmulator;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// The REST API under closed-loop load against one real server process (embedded SQLite): a grain read, free slots
/// against a growing number of busy intervals, and bookings, each as a ratio to <c>GET /health/live</c> measured
/// with the same generator against the same server in the same run, before and after them (their mean).
/// </summary>
internal static class ApiScenario
{
    public static async Task<string> RunAsync(string root, LoadOptions options, IReadOnlyList<int> busyCounts)
    {
        Console.WriteLine($"Starting the server (Release) from {root} ...");
        await using var emulator = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions { DefaultPageSize = 500 });
        await using var server = await BenchmarkServer.StartAsync(root, ChangeLatency.ServerSettings(emulator, pollSeconds: 3600));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

        var scenarios = new List<(int Busy, FreeSlotsScenario Scenario)>();
        foreach (var busy in busyCounts)
        {
            Console.WriteLine($"Importing {busy:N0} busy Outlook events ...");
            scenarios.Add((busy, await Seeder.OutlookBusyScenarioAsync(client, emulator, busy)));
        }

        var bookings = new DistinctBookings(await Seeder.BookingCalendarsAsync(client, 32), path => new Uri(server.BaseUrl, path));

        await LoadGenerator.WarmUpAsync(client, "POST appointment", bookings.Next, options);
        var before = await LoadGenerator.RunAsync(client, "GET /health/live (baseline, before)", "/health/live", options);
        var results = new List<LoadResult>
        {
            before,
            await LoadGenerator.RunAsync(client, "GET calendar (one grain read, for scale)", scenarios[0].Scenario.CalendarPath, options),
        };
        foreach (var (busy, scenario) in scenarios)
        {
            results.Add(await LoadGenerator.RunAsync(client, $"GET free-slots, 7 days, member with {busy:N0} busy Outlook events", scenario.FreeSlotsPath, options));
        }

        results.Add(await LoadGenerator.RunAsync(client, "POST appointment (each a new booking, 32 calendars)", "appointments", bookings.Next, options));
        results.Add(await LoadGenerator.RunAsync(client, "GET /health/live (baseline, after)", "/health/live", options));
        var baseline = LoadResult.Bracketing(before, results[^1]);

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Loopback HTTP load, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per scenario after {options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} cores shared by server and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(LoadResult.TableHeader);
        foreach (var r in results)
        {
            report.AppendLine(r.Row(baseline));
        }

        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Ratio to baseline: against the mean of the two baseline rows ({baseline.RequestsPerSecond:0}/s).");

        if (results.Any(r => r.Errors > 0))
        {
            report.AppendLine().AppendLine("**Some requests failed (see the errors column): the run is not valid.**");
        }

        return report.ToString();
    }
}
