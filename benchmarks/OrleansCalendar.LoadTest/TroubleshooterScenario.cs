using System.Globalization;
using System.Text;
using OrleansCalendar.GraphEmulator;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// The availability troubleshooter under closed-loop load against one real server process with a connected Outlook
/// member: its throughput as a ratio to <c>GET /health/live</c> (and next to free slots for the same day), and the
/// Graph requests it causes, counted in the emulator's request log while it runs.
/// </summary>
internal static class TroubleshooterScenario
{
    public static async Task<string> RunAsync(string root, LoadOptions options)
    {
        await using var emulator = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions { DefaultPageSize = 500 });
        await using var server = await BenchmarkServer.StartAsync(root, ChangeLatency.ServerSettings(emulator, pollSeconds: 3600));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

        Console.WriteLine($"Importing {options.BusyIntervals:N0} busy Outlook events ...");
        var scenario = await Seeder.OutlookBusyScenarioAsync(client, emulator, options.BusyIntervals);
        var day = Enumerable.Range(0, 7).Select(scenario.FirstDay.AddDays).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var availability = $"{scenario.CalendarPath}/availability?date={day:yyyy-MM-dd}";

        var baseline = await LoadGenerator.RunAsync(client, "GET /health/live (baseline)", "/health/live", options);
        var freeSlots = await LoadGenerator.RunAsync(client, "GET free-slots, the same one day (for comparison)", $"{scenario.CalendarPath}/free-slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}", options);
        emulator.Control.ClearRequestLog();
        var explained = await LoadGenerator.RunAsync(client, "GET availability (troubleshooter), one day: 48 slots with every reason", availability, options);
        var graph = emulator.Control.GetRequestLog();
        var polls = graph.Count(r => r.PathAndQuery.Contains("/delta", StringComparison.OrdinalIgnoreCase));
        var perQuery = (graph.Count - polls) / (double)explained.Requests;

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Loopback HTTP load, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per scenario after {options.Warmup.TotalSeconds:0} s warm-up; the member's Outlook Work calendar holds {options.BusyIntervals:N0} busy events; {Environment.ProcessorCount} cores shared by server, emulator and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(LoadResult.TableHeader);
        foreach (var r in new[] { baseline, freeSlots, explained })
        {
            report.AppendLine(r.Row(baseline));
        }

        report
            .AppendLine()
            .AppendLine("| figure | value | target |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Graph requests per troubleshooter query, Outlook connected ({explained.Requests:N0} queries; {polls} poll requests meanwhile) | {perQuery:0.000} | 0 |");
        if (baseline.Errors + freeSlots.Errors + explained.Errors > 0)
        {
            report.AppendLine().AppendLine("**Some requests failed (see the errors column): the run is not valid.**");
        }

        return report.ToString();
    }
}
