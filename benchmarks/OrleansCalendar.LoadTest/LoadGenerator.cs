using System.Diagnostics;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>Closed-loop load: N workers each send the next request when the last one answered, for a fixed time.</summary>
internal static class LoadGenerator
{
    public static Task<LoadResult> RunAsync(HttpClient client, string name, string path, LoadOptions options) =>
        RunAsync(client, name, path, () => new HttpRequestMessage(HttpMethod.Get, path), options);

    /// <summary>
    /// The closed loop for 15 s (or a row's duration if longer), not measured: a fresh server speeds up for about half
    /// a minute (tiered compilation), which the rows after it should not measure.
    /// </summary>
    public static Task WarmUpAsync(HttpClient client, string name, Func<HttpRequestMessage> request, LoadOptions options) =>
        RunAsync(client, $"{name} (warm-up, not reported)", "", request,
            options with { Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(Math.Max(15, options.Duration.TotalSeconds)) });

    /// <summary>
    /// The same closed loop for any request (a fresh message per send, since messages are single-use). With
    /// <paramref name="server"/>, the CPU time over the measured window of the server's process and of this one is
    /// reported per request.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, string name, string path, Func<HttpRequestMessage> request, LoadOptions options, ServerProcess? server = null)
    {
        Console.WriteLine($"Measuring {name} ...");
        await RunWorkersAsync(client, request, options.Concurrency, options.Warmup, record: null);
        var latencies = new List<double>[options.Concurrency];
        var errors = 0;
        var cpuAtStart = server?.ProcessorTime;
        var localCpuAtStart = ThisProcessCpu();
        var stopwatch = Stopwatch.StartNew();
        await RunWorkersAsync(client, request, options.Concurrency, options.Duration, (worker, elapsed, ok) =>
        {
            (latencies[worker] ??= []).Add(elapsed);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        });
        stopwatch.Stop();
        var cpu = server?.ProcessorTime - cpuAtStart;
        var localCpu = ThisProcessCpu() - localCpuAtStart;

        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, path, all.Length, errors, all.Length / stopwatch.Elapsed.TotalSeconds,
            Percentile(all, 0.50), Percentile(all, 0.99), cpu is { } used && all.Length > 0 ? used.TotalMilliseconds / all.Length : null,
            cpu is not null && all.Length > 0 ? localCpu.TotalMilliseconds / all.Length : null);
    }

    /// <summary>This process's CPU time so far, all its threads.</summary>
    public static TimeSpan ThisProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task RunWorkersAsync(HttpClient client, Func<HttpRequestMessage> request, int concurrency, TimeSpan duration, Action<int, double, bool>? record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                record?.Invoke(worker, elapsedMs, response.IsSuccessStatusCode);
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
