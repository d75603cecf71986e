using System.Globalization;
using System.Text;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Horizontal scale: the same load against clusters of 1, 2 and 3 silo processes on one throwaway PostgreSQL,
/// requests spread round-robin over the silos as a load balancer would. Each cluster size gets a fresh database
/// and its own baseline (<c>/health/live</c> through the same round-robin), measured in the same run.
/// </summary>
internal static class ClusterScenario
{
    private const int BookingCalendars = 32;

    public static async Task<string> RunAsync(string root, LoadOptions options)
    {
        await using var postgres = await PostgreSqlServer.StartAsync();
        var rows = new List<(int Silos, LoadResult Baseline, LoadResult FreeSlots, LoadResult Booking)>();
        for (var silos = 1; silos <= 3; silos++)
        {
            Console.WriteLine($"Cluster of {silos} silo(s) ...");
            rows.Add(await MeasureAsync(root, postgres, silos, options));
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Clusters of 1–3 silo processes on one PostgreSQL 15, requests round-robin over the silos; {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per scenario after {options.Warmup.TotalSeconds:0} s warm-up; free slots over 7 days with {options.BusyIntervals} busy intervals; bookings of distinct slots on {BookingCalendars} calendars; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Caveat:** every silo, PostgreSQL and the load generator share this machine's {Environment.ProcessorCount} cores, so more silos add coordination (membership, cross-silo grain calls) without adding CPU; and PostgreSQL runs with fsync off (a throwaway server), which flatters bookings. The figures show what a cluster costs and that it scales out correctly, not the throughput of silos on their own machines.")
            .AppendLine()
            .AppendLine("| silos | /health/live rps (baseline) | free slots rps | ratio | p99 ms | bookings rps | ratio | p99 ms | errors |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (silos, baseline, freeSlots, booking) in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {silos} | {baseline.RequestsPerSecond:0} | {freeSlots.RequestsPerSecond:0} | {freeSlots.RequestsPerSecond / baseline.RequestsPerSecond:0.00} | {freeSlots.P99Ms:0.0} | {booking.RequestsPerSecond:0} | {booking.RequestsPerSecond / baseline.RequestsPerSecond:0.00} | {booking.P99Ms:0.0} | {baseline.Errors + freeSlots.Errors + booking.Errors} |");
        }

        return report.ToString();
    }

    private static async Task<(int, LoadResult, LoadResult, LoadResult)> MeasureAsync(string root, PostgreSqlServer postgres, int count, LoadOptions options)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Orleans"] = await postgres.CreateDatabaseAsync(),
            ["Orleans__ClusterId"] = $"bench-{count}",
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
        };
        var silos = new List<ServerProcess>();
        try
        {
            // The first silo applies the schema; the others join it.
            silos.Add(await BenchmarkServer.StartAsync(root, environment));
            silos.AddRange(await Task.WhenAll(Enumerable.Range(1, count - 1).Select(_ => BenchmarkServer.StartAsync(root, environment))));

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var client = new HttpClient(handler) { BaseAddress = silos[0].BaseUrl };
            client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);
            await silos[0].WaitForActiveSilosAsync(BenchmarkServer.AdminKey, count, TimeSpan.FromMinutes(1));

            var freeSlots = await Seeder.FreeSlotsScenarioAsync(client, options.BusyIntervals);
            var calendars = await Seeder.BookingCalendarsAsync(client, BookingCalendars);

            var next = 0;
            Uri Silo() => silos[(int)((uint)Interlocked.Increment(ref next) % count)].BaseUrl;
            HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(Silo(), path));

            // No warm-up here: on one day, so that the rows measure bookings rather than the first listing of new days.
            var bookings = new DistinctBookings(calendars, path => new Uri(Silo(), path), days: 1);

            var baseline = await LoadGenerator.RunAsync(client, "GET /health/live (baseline)", "/health/live", () => Get("/health/live"), options);
            var slots = await LoadGenerator.RunAsync(client, "GET free-slots", freeSlots.FreeSlotsPath, () => Get(freeSlots.FreeSlotsPath), options);
            var booking = await LoadGenerator.RunAsync(client, "POST appointment", "appointments", bookings.Next, options);
            return (count, baseline, slots, booking);
        }
        finally
        {
            await Task.WhenAll(silos.Select(async s => await s.DisposeAsync()));
        }
    }
}
