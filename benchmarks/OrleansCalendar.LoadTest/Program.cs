using System.Globalization;
using System.Text;
using OrleansCalendar.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- [--concurrency 32] [--seconds 10] [--busy 500] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- sync [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- webhooks [--concurrency 32] [--seconds 10] [--out file.md]
var root = FindRepositoryRoot();
if (args.FirstOrDefault() == "webhooks")
{
    var webhookOptions = LoadOptions.Parse(args[1..]);
    var webhookReport = await WebhookScenario.RunAsync(root, webhookOptions);
    Console.WriteLine(webhookReport);
    if (webhookOptions.Output is not null)
    {
        await File.WriteAllTextAsync(webhookOptions.Output, webhookReport);
    }

    return 0;
}

if (args.FirstOrDefault() == "sync")
{
    var syncReport = await SyncScenario.RunAsync(root);
    Console.WriteLine(syncReport);
    if (args.Length > 2 && args[1] == "--out")
    {
        await File.WriteAllTextAsync(args[2], syncReport);
    }

    return 0;
}

var options = LoadOptions.Parse(args);
Console.WriteLine($"Starting the server (Release) from {root} ...");
await using var server = await ServerProcess.StartAsync(root);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
client.DefaultRequestHeaders.Authorization = new("Bearer", ServerProcess.AdminKey);

Console.WriteLine($"Seeding {options.BusyIntervals} busy intervals ...");
var scenario = await Seeder.FreeSlotsScenarioAsync(client, options.BusyIntervals);

// The baseline runs in the same process, against the same server, with the same generator and settings.
var baseline = await LoadGenerator.RunAsync(client, "GET /health/live (baseline)", "/health/live", options);
var calendar = await LoadGenerator.RunAsync(client, "GET calendar (one grain read, for scale)", scenario.CalendarPath, options);
var measured = await LoadGenerator.RunAsync(client, $"GET free-slots, 7 days, {options.BusyIntervals} busy intervals", scenario.FreeSlotsPath, options);

var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Loopback HTTP load, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per scenario after {options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} cores shared by server and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
    .AppendLine()
    .AppendLine("| scenario | requests/s | p50 ms | p99 ms | errors | ratio to baseline |")
    .AppendLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in new[] { baseline, calendar, measured })
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} | {r.RequestsPerSecond / baseline.RequestsPerSecond:0.00} |");
}

Console.WriteLine();
Console.WriteLine(report);
if (options.Output is not null)
{
    await File.WriteAllTextAsync(options.Output, report.ToString());
}

return measured.Errors == 0 && baseline.Errors == 0 ? 0 : 1;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OrleansCalendar.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (OrleansCalendar.sln not found).");
}
