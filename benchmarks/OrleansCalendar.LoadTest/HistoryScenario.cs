using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Cost against history: a booking with 10,000 earlier bookings against one with none; free slots of a dense week
/// against <c>/health/live</c>; and the memory and activation time of a user's availability with 10,000 past
/// appointments against one with 100.
/// </summary>
internal static class HistoryScenario
{
    private const int Bookings = 10_000;
    private const int Window = 250;
    private const int Users = 4;
    private const int Rounds = 9;
    private static readonly object[] AllDay = [new { start = "00:00", end = "24:00" }];

    /// <summary>Every part, or only <paramref name="part"/> (<c>bookings</c>, <c>dense</c> or <c>past</c>).</summary>
    public static async Task<string> RunAsync(string root, LoadOptions load, string? part = null)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores shared by server and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine("| figure | value | ratio | target |")
            .AppendLine("|---|---:|---:|---:|");

        if (part is null or "bookings" or "dense")
        {
            await using var server = await BenchmarkServer.StartAsync(root);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = load.Concurrency };
            using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
            client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

            if (part is null or "bookings")
            {
                Console.WriteLine($"Booking {Bookings:N0} appointments one after another for one user ...");
                var latencies = await SequentialBookingsAsync(client);
                var first = Median(latencies[..Window]);
                var last = Median(latencies[^Window..]);
                report.AppendLine(CultureInfo.InvariantCulture, $"| booking latency (median, one client) with 0–{Window} earlier bookings of the user | {first:0.00} ms | 1.00 | |")
                    .AppendLine(CultureInfo.InvariantCulture, $"| booking latency with {Bookings - Window:N0}–{Bookings:N0} earlier bookings | {last:0.00} ms | {last / first:0.00} | ≤ 1.2 |");
            }

            if (part is null or "dense")
            {
                await DenseAsync(client, load, report);
            }
        }

        if (part is null or "past")
        {
            var (longActivation, shortActivation, longMemory, shortMemory) = await PastAppointmentsAsync();
            report.AppendLine(CultureInfo.InvariantCulture, $"| activation of a user's availability with 100 past appointments (median over {Rounds} rounds of {Users} users) | {shortActivation:0.00} ms | 1.00 | |")
                .AppendLine(CultureInfo.InvariantCulture, $"| activation with {Bookings:N0} past appointments | {longActivation:0.00} ms | {longActivation / shortActivation:0.00} | ≤ 1.1 |")
                .AppendLine(CultureInfo.InvariantCulture, $"| managed memory of {Users} users' availability with 100 past appointments each | {shortMemory / 1024.0:N1} KB | 1.00 | |")
                .AppendLine(CultureInfo.InvariantCulture, $"| the same with {Bookings:N0} past appointments each | {longMemory / 1024.0:N1} KB | {longMemory / (double)shortMemory:0.00} | ≤ 1.1 |");
        }

        return report.ToString();
    }

    /// <summary>Free slots of a dense week under load, against <c>/health/live</c> in the same run.</summary>
    private static async Task DenseAsync(HttpClient client, LoadOptions load, StringBuilder report)
    {
        Console.WriteLine("Seeding a dense week: 10-minute slots 06:00–22:00, 500 appointments ...");
        var dense = await DenseWeekAsync(client);
        // The baseline before and after the scenario, averaged: on a shared machine it drifts by a third within minutes.
        var before = await LoadGenerator.RunAsync(client, "GET /health/live (baseline, before)", "/health/live", load);
        var slots = await LoadGenerator.RunAsync(client, "GET free-slots, dense week", dense, load);
        var after = await LoadGenerator.RunAsync(client, "GET /health/live (baseline, after)", "/health/live", load);
        var baseline = LoadResult.Bracketing(before, after).RequestsPerSecond;
        report.AppendLine(CultureInfo.InvariantCulture, $"| GET /health/live, {load.Concurrency} clients (baseline: mean of {before.RequestsPerSecond:0}/s before and {after.RequestsPerSecond:0}/s after) | {baseline:0}/s, p99 {Math.Max(before.P99Ms, after.P99Ms):0.00} ms | 1.00 | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| GET free-slots, 7 days of 10-minute slots 06–22 with 500 appointments, {load.Concurrency} clients | {slots.RequestsPerSecond:0}/s, p99 {slots.P99Ms:0.00} ms | {slots.RequestsPerSecond / baseline:0.00} | ≥ 0.5 |");
        if (slots.Errors + before.Errors + after.Errors > 0)
        {
            report.AppendLine("| **errors during the load: the run is not valid** | | | |");
        }
    }

    /// <summary>
    /// One user, 15-minute slots around the clock: each booking takes the next slot; the latency of each. Another
    /// user's bookings warm the server up first, so the first figures are not the runtime's start-up.
    /// </summary>
    private static async Task<double[]> SequentialBookingsAsync(HttpClient client)
    {
        var firstDay = DateTime.UtcNow.Date.AddDays(1);
        var (_, warmUp) = await CalendarAsync(client, "Warm-up", slotMinutes: 15, hours: AllDay);
        for (var i = 0; i < 1_000; i++)
        {
            await BookAsync(client, warmUp, firstDay.AddMinutes(15 * i));
        }

        var (_, path) = await CalendarAsync(client, "Sequential", slotMinutes: 15, hours: AllDay);
        var latencies = new double[Bookings];
        for (var i = 0; i < Bookings; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await BookAsync(client, path, firstDay.AddMinutes(15 * i));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return latencies;
    }

    /// <summary>A week of 10-minute slots 06:00–22:00 (672 slots) with 500 of them booked; the free-slot path for that week.</summary>
    private static async Task<string> DenseWeekAsync(HttpClient client)
    {
        var (_, path) = await CalendarAsync(client, "Dense", slotMinutes: 10, hours: [new { start = "06:00", end = "22:00" }]);
        var firstDay = DateTime.UtcNow.Date.AddDays(2);
        var slots = Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 96).Select(s => firstDay.AddDays(d).AddHours(6).AddMinutes(10 * s))).ToList();
        var taken = slots.OrderBy(_ => Random.Shared.Next()).Take(500).ToList();
        await Parallel.ForEachAsync(taken, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (start, _) => await BookAsync(client, path, start));
        return FreeSlotsScenario.Week(path, firstDay).FreeSlotsPath;
    }

    /// <summary>
    /// Users booked 200 days ago (a server whose clock runs that far behind), then a server on the real clock that
    /// moves their ended holds to the archive; then a fresh server, where the figures are taken: the first request to
    /// each user's availability (its activation) and the managed heap the activations hold.
    /// </summary>
    private static async Task<(double LongActivation, double ShortActivation, long LongMemory, long ShortMemory)> PastAppointmentsAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"oc-history-{Guid.NewGuid():N}");
        try
        {
            List<Booker> longUsers, shortUsers;
            await using (var then = new InProcessServer(dataDir, new ShiftedClock(TimeSpan.FromDays(-200))))
            {
                then.Start();
                using var client = then.CreateAdminClient();
                Console.WriteLine($"Booking {Users} users with {Bookings:N0} appointments and {Users} with 100, 200 days ago ...");
                longUsers = await PastUsersAsync(client, "long", Bookings);
                shortUsers = await PastUsersAsync(client, "short", 100);
            }

            await using (var archiving = new InProcessServer(dataDir))
            {
                archiving.Start();
                using var client = archiving.CreateAdminClient();
                Console.WriteLine("Moving the ended holds to the archive ...");
                foreach (var user in longUsers.Concat(shortUsers))
                {
                    while ((await client.GetStringAsync(BusyPath(user, DateTime.UtcNow.AddDays(-300), DateTime.UtcNow.AddDays(-1)))).Contains("\"start\"", StringComparison.Ordinal))
                    {
                        await Task.Delay(200);
                    }
                }
            }

            await using var now = new InProcessServer(dataDir);
            now.Start();
            using var reader = now.CreateAdminClient();
            var management = now.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var shortRounds = new List<(double Ms, long Bytes)>();
            var longRounds = new List<(double Ms, long Bytes)>();
            for (var round = 0; round < Rounds; round++)
            {
                // Every round starts from nothing active, so each request below is an activation.
                await management.ForceActivationCollection(TimeSpan.Zero);
                shortRounds.Add(await ActivateAsync(reader, shortUsers));
                await management.ForceActivationCollection(TimeSpan.Zero);
                longRounds.Add(await ActivateAsync(reader, longUsers));
            }

            return (Median([.. longRounds.Select(r => r.Ms)]), Median([.. shortRounds.Select(r => r.Ms)]),
                (long)Median([.. longRounds.Select(r => (double)r.Bytes)]), (long)Median([.. shortRounds.Select(r => (double)r.Bytes)]));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The median latency of the first request to each user's availability, and the heap those activations hold.</summary>
    private static async Task<(double MedianMs, long Bytes)> ActivateAsync(HttpClient client, IReadOnlyList<Booker> users)
    {
        var before = InProcessServer.CollectedHeap();
        var times = new List<double>();
        foreach (var user in users)
        {
            var started = Stopwatch.GetTimestamp();
            await client.GetStringAsync(BusyPath(user, DateTime.UtcNow, DateTime.UtcNow.AddDays(7)));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (Median([.. times]), InProcessServer.CollectedHeap() - before);
    }

    private static async Task<List<Booker>> PastUsersAsync(HttpClient client, string name, int appointments)
    {
        var users = new List<Booker>();
        for (var i = 0; i < Users; i++)
        {
            var user = await CalendarAsync(client, $"{name} {i}", slotMinutes: 15, hours: AllDay);
            var firstDay = DateTime.UtcNow.AddDays(-199).Date;
            await Parallel.ForEachAsync(Enumerable.Range(0, appointments), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (n, _) => await BookAsync(client, user.CalendarPath, firstDay.AddMinutes(15 * n)));
            users.Add(user);
        }

        return users;
    }

    /// <summary>A user with a personal UTC calendar open every day in the given hours.</summary>
    private static async Task<Booker> CalendarAsync(HttpClient client, string name, int slotMinutes, object[] hours)
    {
        var sid = (await Seeder.PostAsync(client, "/v1/subaccounts", new { name, timeZone = "UTC" }))["id"]!.GetValue<string>();
        var uid = (await Seeder.PostAsync(client, $"/v1/subaccounts/{sid}/users", new { name = "Pat", email = "pat@example.com" }))["id"]!.GetValue<string>();
        var everyDay = new { monday = hours, tuesday = hours, wednesday = hours, thursday = hours, friday = hours, saturday = hours, sunday = hours };
        var calendar = await Seeder.PostAsync(client, $"/v1/subaccounts/{sid}/calendars", new
        {
            name, type = "personal", userIds = new[] { uid }, timeZone = "UTC",
            slotDurationMinutes = slotMinutes, slotIntervalMinutes = slotMinutes, bookingWindowDays = 730, weeklyHours = everyDay,
        });
        return new Booker($"/v1/subaccounts/{sid}/users/{uid}", $"/v1/subaccounts/{sid}/calendars/{calendar["id"]!.GetValue<string>()}");
    }

    private static Task<System.Text.Json.Nodes.JsonNode> BookAsync(HttpClient client, string calendarPath, DateTime startUtc) =>
        Seeder.PostAsync(client, $"{calendarPath}/appointments", new
        {
            start = startUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            contact = new { name = "History" },
        });

    private static string BusyPath(Booker user, DateTime from, DateTime to) =>
        string.Create(CultureInfo.InvariantCulture, $"{user.UserPath}/busy?start={from:yyyy-MM-dd'T'HH:mm:ss'Z'}&end={to:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>A user and the personal calendar it is booked through.</summary>
    private sealed record Booker(string UserPath, string CalendarPath);

    /// <summary>The real clock moved by a fixed offset: a server that books "today" in the past.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
