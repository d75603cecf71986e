using System.Globalization;
using System.Text;
using OrleansCalendar.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- [--concurrency 32] [--seconds 10] [--busy 500] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- sync [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- webhooks [--concurrency 32] [--seconds 10] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- scale [--integrations 10000] [--events 200] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- cluster [--concurrency 32] [--seconds 10] [--busy 100] [--out file.md]
var root = FindRepositoryRoot();
switch (args.FirstOrDefault())
{
    case "cluster":
        var clusterOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await ClusterScenario.RunAsync(root, clusterOptions), clusterOptions.Output);
    case "webhooks":
        var webhookOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await WebhookScenario.RunAsync(root, webhookOptions), webhookOptions.Output);
    case "scale":
        var scale = ScaleOptions.Parse(args[1..]);
        return await PrintAsync(await ScaleScenario.RunAsync(scale.Integrations, scale.Events), scale.Output);
    case "sync":
        return await PrintAsync(await SyncScenario.RunAsync(root), args.Length > 2 && args[1] == "--out" ? args[2] : null);
}

var options = LoadOptions.Parse(args);
Console.WriteLine($"Starting the server (Release) from {root} ...");
await using var server = await BenchmarkServer.StartAsync(root);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { BaseAddress = server.BaseUrl };
client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

Console.WriteLine($"Seeding {options.BusyIntervals} busy intervals ...");
var scenario = await Seeder.FreeSlotsScenarioAsync(client, options.BusyIntervals);

// The baseline runs in the same process, against the same server, with the same generator and settings.
var baseline = await LoadGenerator.RunAsync(client, "GET /health/live (baseline)", "/health/live", options);
var calendar = await LoadGenerator.RunAsync(client, "GET calendar (one grain read, for scale)", scenario.CalendarPath, options);
var measured = await LoadGenerator.RunAsync(client, $"GET free-slots, 7 days, {options.BusyIntervals} busy intervals", scenario.FreeSlotsPath, options);

var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Loopback HTTP load, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per scenario after {options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} cores shared by server and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
    .AppendLine()
    .AppendLine(LoadResult.TableHeader);
foreach (var r in new[] { baseline, calendar, measured })
{
    report.AppendLine(r.Row(baseline));
}

Console.WriteLine();
Console.WriteLine(report);
if (options.Output is not null)
{
    await File.WriteAllTextAsync(options.Output, report.ToString());
}

return measured.Errors == 0 && baseline.Errors == 0 ? 0 : 1;

static async Task<int> PrintAsync(string report, string? output)
{
    Console.WriteLine(report);
    if (output is not null)
    {
        await File.WriteAllTextAsync(output, report);
    }

    return 0;
}

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
