using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Outbound event webhooks against one real server process (embedded SQLite) and a receiver on loopback in this
/// process: what an enabled endpoint costs a booking (bookings/s with one endpoint over bookings/s with none, the
/// same closed-loop generator on two sub-accounts alike), how long a booking's event takes from its 201 to its arrival,
/// and how many events per second one endpoint receives. Set against the floor of any webhook delivery on this machine:
/// the CPU of bare POSTs like the server's, from this process to the same receiver.
/// </summary>
internal static class EventScenario
{
    private static readonly string[] CreatedOnly = ["appointment.created"];

    public static async Task<string> RunAsync(string root, LoadOptions options)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.NewUrl(out var path);
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var count = 0;
        receiver.Answer(path, hook =>
        {
            arrivals.TryAdd(hook.Data["id"]!.GetValue<string>(), Stopwatch.GetTimestamp());
            Interlocked.Increment(ref count);
            return Task.FromResult(Results.Ok());
        });
        await using var server = await BenchmarkServer.StartAsync(root, new Dictionary<string, string> { ["Events__AllowPrivateTargets"] = "true" });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

        var without = new DistinctBookings(await Seeder.BookingCalendarsAsync(client, 32), path => new Uri(server.BaseUrl, path));
        var withCalendars = await Seeder.BookingCalendarsAsync(client, 32);
        var sid = withCalendars[0].Split('/')[3];
        using (var created = await client.PostAsJsonAsync($"/v1/subaccounts/{sid}/webhook-endpoints", new { url, eventTypes = CreatedOnly }))
        {
            created.EnsureSuccessStatusCode();
        }

        var with = new DistinctBookings(withCalendars, path => new Uri(server.BaseUrl, path));
        var drainLimit = options.Warmup + options.Duration + TimeSpan.FromMinutes(2);

        // The delivery path (endpoint grain, HTTP connections, the code's optimized tier) warms up unmeasured first;
        // the baseline is measured before and after the endpoint's row (its backlog drained), and their mean is used.
        await LoadGenerator.WarmUpAsync(client, "POST appointment, one endpoint", with.Next, options);
        await LoadGenerator.WarmUpAsync(client, "POST appointment, no webhook endpoint", without.Next, options);
        await DrainedAsync(() => Volatile.Read(ref count) >= with.Issued, drainLimit);
        var before = await LoadGenerator.RunAsync(client, "POST appointment, no webhook endpoint (baseline, before)", "appointments", without.Next, options, server);
        var (countAtStart, issuedAtStart) = (Volatile.Read(ref count), with.Issued);
        var clock = Stopwatch.StartNew();
        var booked = await LoadGenerator.RunAsync(client, "POST appointment, one endpoint subscribed to appointment.created", "appointments", with.Next, options, server);
        var allArrived = await DrainedAsync(() => Volatile.Read(ref count) >= with.Issued, drainLimit);
        var drained = clock.Elapsed;
        var delivered = Volatile.Read(ref count) - countAtStart;
        var missing = with.Issued - issuedAtStart - delivered;
        var after = await LoadGenerator.RunAsync(client, "POST appointment, no webhook endpoint (baseline, after)", "appointments", without.Next, options, server);
        var baseline = LoadResult.Bracketing(before, after);

        // Latency: bookings at a gentle pace, each 201 timed until its event arrives.
        var latencies = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            using var request = with.Next();
            using var response = await client.SendAsync(request);
            var answeredAt = Stopwatch.GetTimestamp();
            var id = (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
            var arrived = await ArrivalAsync(arrivals, id, TimeSpan.FromSeconds(30));
            latencies.Add(Stopwatch.GetElapsedTime(answeredAt, arrived).TotalMilliseconds);
            await Task.Delay(20);
        }

        latencies.Sort();

        // The floor: one delivered request's body and headers, posted again and again with nothing stored around it.
        var sample = receiver.Received(path)[^1];
        var endpointConcurrency = new EventOptions().MaxConcurrencyPerEndpoint;
        var posts = await BarePostCpuAsync(receiver, sample, endpointConcurrency, 20_000);
        var postsOneAtATime = await BarePostCpuAsync(receiver, sample, 1, 5_000);
        var eventCpu = booked.MachineCpuMsPerRequest - baseline.MachineCpuMsPerRequest;
        var ceiling = baseline.MachineCpuMsPerRequest / (baseline.MachineCpuMsPerRequest + posts);
        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Loopback HTTP load, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per row after {options.Warmup.TotalSeconds:0} s warm-up; the receiver answers 200 at once; {Environment.ProcessorCount} cores shared by server, receiver and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(LoadResult.TableHeaderWithCpu)
            .AppendLine(before.RowWithCpu(baseline))
            .AppendLine(booked.RowWithCpu(baseline))
            .AppendLine(after.RowWithCpu(baseline))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ratio to baseline: against the mean of the two baseline rows ({baseline.RequestsPerSecond:0}/s). CPU: each process's CPU time over the row (all its threads; the server's SQLite writer, and the receiver in the load tool) per booking. What an event adds is the difference to the baseline rows' mean: {booked.ServerCpuMsPerRequest - baseline.ServerCpuMsPerRequest:0.00} ms of the server's, {eventCpu:0.00} ms of the machine's.")
            .AppendLine()
            .AppendLine("| delivery | value |")
            .AppendLine("|---|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| events delivered to one endpoint, per second (load run and drain: {delivered:N0} events in {drained.TotalSeconds:0.0} s) | {delivered / drained.TotalSeconds:0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| events not delivered when the drain ended | {(allArrived ? 0 : Math.Max(0, missing))} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| 201 to arrival, p50 ms (200 bookings one at a time) | {Percentile(latencies, 0.50):0.0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| 201 to arrival, p95 ms | {Percentile(latencies, 0.95):0.0} |")
            .AppendLine()
            .AppendLine("The floor of a delivery on this machine: one delivered event's body and headers posted again to the same receiver from the load tool, with the server idle, and nothing else done per request. The CPU is the load tool's (sender and receiver together) per request.")
            .AppendLine()
            .AppendLine("| bare POST | value |")
            .AppendLine("|---|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| CPU ms per POST, {endpointConcurrency} at a time (an endpoint's default concurrency) | {posts:0.00} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| CPU ms per POST, one at a time | {postsOneAtATime:0.00} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| what an event adds to the machine's CPU per booking (above) | {eventCpu:0.00} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| highest ratio an endpoint allows if storing, handing over, rendering and logging an event cost nothing: {baseline.MachineCpuMsPerRequest:0.00} / ({baseline.MachineCpuMsPerRequest:0.00} + {posts:0.00}) | {ceiling:0.00} |")
            .ToString();
    }

    /// <summary>
    /// This process's CPU per request over <paramref name="count"/> POSTs of <paramref name="sample"/>'s body and
    /// headers, <paramref name="concurrency"/> at a time, on a bare client with the server's connection settings
    /// (pooled connections, no redirects, no cookies) but without its private-target guard and time-out.
    /// </summary>
    private static async Task<double> BarePostCpuAsync(WebhookReceiver receiver, ReceivedWebhook sample, int concurrency, int count)
    {
        var url = receiver.NewUrl(out _);
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        var left = count / 10;
        await PostAllAsync();
        left = count;
        var cpuAtStart = LoadGenerator.ThisProcessCpu();
        await PostAllAsync();
        return (LoadGenerator.ThisProcessCpu() - cpuAtStart).TotalMilliseconds / count;

        Task PostAllAsync() => Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(sample.Body, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", sample.Id);
                request.Headers.Add("webhook-timestamp", sample.Timestamp);
                request.Headers.Add("webhook-signature", sample.Signature);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
            }
        })));
    }

    /// <summary>Waits until <paramref name="done"/> holds or <paramref name="limit"/> passes; whether it held.</summary>
    private static async Task<bool> DrainedAsync(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < limit)
        {
            await Task.Delay(50);
        }

        return done();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<long> ArrivalAsync(ConcurrentDictionary<string, long> arrivals, string appointmentId, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!arrivals.ContainsKey(appointmentId) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(1);
        }

        return arrivals.TryGetValue(appointmentId, out var at) ? at : throw new TimeoutException($"The event of {appointmentId} did not arrive.");
    }
}
