using System.Globalization;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// One row of closed-loop load; when the server's process was watched, <see cref="ServerCpuMsPerRequest"/> and
/// <see cref="LocalCpuMsPerRequest"/> (this process's: the load generator, and a receiver hosted in it).
/// </summary>
internal sealed record LoadResult(string Name, string Path, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms, double? ServerCpuMsPerRequest = null, double? LocalCpuMsPerRequest = null)
{
    public const string TableHeader = "| scenario | requests/s | p50 ms | p99 ms | errors | ratio to baseline |\n|---|---:|---:|---:|---:|---:|";

    /// <summary>
    /// <see cref="TableHeader"/> with the CPU per request of the server (all its threads, the SQLite writer's included)
    /// and of this process.
    /// </summary>
    public const string TableHeaderWithCpu = "| scenario | requests/s | p50 ms | p99 ms | errors | ratio to baseline | server CPU ms per request | load tool CPU ms per request |\n|---|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>The machine's CPU per request: the server's and this process's.</summary>
    public double? MachineCpuMsPerRequest => ServerCpuMsPerRequest + LocalCpuMsPerRequest;

    /// <summary>
    /// A baseline measured right before and right after the rows set against it: their mean rate (and CPU per request,
    /// when watched). On a shared machine a rate drifts by a third within minutes, and a fresh server speeds
    /// up for its first half minute.
    /// </summary>
    public static LoadResult Bracketing(LoadResult before, LoadResult after) => before with
    {
        RequestsPerSecond = (before.RequestsPerSecond + after.RequestsPerSecond) / 2,
        ServerCpuMsPerRequest = (before.ServerCpuMsPerRequest + after.ServerCpuMsPerRequest) / 2,
        LocalCpuMsPerRequest = (before.LocalCpuMsPerRequest + after.LocalCpuMsPerRequest) / 2,
    };

    /// <summary>This result as a row of <see cref="TableHeader"/>'s table.</summary>
    public string Row(LoadResult baseline) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {RequestsPerSecond:0} | {P50Ms:0.00} | {P99Ms:0.00} | {Errors} | {RequestsPerSecond / baseline.RequestsPerSecond:0.00} |");

    /// <summary>This result as a row of <see cref="TableHeaderWithCpu"/>'s table.</summary>
    public string RowWithCpu(LoadResult baseline) => string.Create(CultureInfo.InvariantCulture, $"{Row(baseline)} {ServerCpuMsPerRequest:0.00} | {LocalCpuMsPerRequest:0.00} |");
}
