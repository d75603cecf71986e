using System.Globalization;
using System.Text;
using OrleansCalendar.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- all [--out docs/benchmarks.md] [--only engine|api|sync|webhooks|events|history|cluster|scale|troubleshooter]
//        (everything, < 10 minutes; with --only, that part is measured again and its section of the report replaced)
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- [--concurrency 32] [--seconds 10] [--busy 500] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- history [bookings|dense|past] [--concurrency 32] [--seconds 10] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- troubleshooter [--concurrency 32] [--seconds 10] [--busy 500] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- sync [--concurrency 32] [--seconds 10] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- webhooks [--concurrency 32] [--seconds 10] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- events [--concurrency 32] [--seconds 10] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- scale [--integrations 10000] [--events 200] [--out file.md]
//        dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- cluster [--concurrency 32] [--seconds 10] [--busy 100] [--out file.md]
var root = FindRepositoryRoot();
switch (args.FirstOrDefault())
{
    case "all":
        return await BenchmarkSuite.RunAsync(root, Option(args, "--out") ?? Path.Combine(root, "docs", "benchmarks.md"), Option(args, "--only"));
    case "cluster":
        var clusterOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await ClusterScenario.RunAsync(root, clusterOptions), clusterOptions.Output);
    case "webhooks":
        var webhookOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await WebhookScenario.RunAsync(root, webhookOptions), webhookOptions.Output);
    case "events":
        var eventOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await EventScenario.RunAsync(root, eventOptions), eventOptions.Output);
    case "scale":
        var scale = ScaleOptions.Parse(args[1..]);
        return await PrintAsync(await ScaleScenario.RunAsync(scale.Integrations, scale.Events), scale.Output);
    case "history":
        var historyPart = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        var historyOptions = LoadOptions.Parse(args[(historyPart is null ? 1 : 2)..]);
        return await PrintAsync(await HistoryScenario.RunAsync(root, historyOptions, historyPart), historyOptions.Output);
    case "troubleshooter":
        var troubleshooterOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await TroubleshooterScenario.RunAsync(root, troubleshooterOptions), troubleshooterOptions.Output);
    case "sync":
        var syncOptions = LoadOptions.Parse(args[1..]);
        return await PrintAsync(await SyncScenario.RunAsync(root, syncOptions), syncOptions.Output);
}

var options = LoadOptions.Parse(args);
return await PrintAsync(await ApiScenario.RunAsync(root, options, [options.BusyIntervals]), options.Output);

static async Task<int> PrintAsync(string report, string? output)
{
    Console.WriteLine(report);
    if (output is not null)
    {
        await File.WriteAllTextAsync(output, report);
    }

    return 0;
}

static string? Option(string[] args, string name) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

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
