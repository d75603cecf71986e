using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Every measurement, bounded in time, into one report (<c>docs/benchmarks.md</c>): the machine, the date, the commit,
/// then each figure next to the baseline it was measured against in the same run.
/// </summary>
internal static partial class BenchmarkSuite
{
    /// <summary>One part of the report: its key for <c>--only</c>, its heading, what it measures, and the measurement.</summary>
    private sealed record Part(string Key, string Title, string Intro, Func<Task<string>> Run);

    public static async Task<int> RunAsync(string root, string output, string? only = null)
    {
        var total = Stopwatch.StartNew();
        var load = new LoadOptions(32, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 500, null);
        var environment = "";
        var parts = Parts(root, load, env => environment = env);
        var chosen = only is null ? parts : parts.Where(p => p.Key == only).ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException($"Unknown part '{only}'. Parts: {string.Join(", ", parts.Select(p => p.Key))}.");
        }

        var sections = new StringBuilder();
        foreach (var part in chosen)
        {
            Console.WriteLine($"== {part.Key} ==");
            var body = await part.Run();
            if (only is not null)
            {
                // The header names the whole run's commit; a part measured again says its own.
                var commit = await CommitAsync(root);
                body = string.Create(CultureInfo.InvariantCulture, $"Measured again on its own (`--only {part.Key}`) at commit {commit}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.") + "\n\n" + body;
            }

            Section(sections, part.Title, part.Intro, body);
        }

        if (only is not null)
        {
            // One part measured again: its section of the existing report is replaced (or added), the rest stays as it was.
            var existing = await File.ReadAllTextAsync(output);
            await File.WriteAllTextAsync(output, ReplaceSection(existing, chosen[0].Title, sections.ToString()));
            Console.WriteLine($"Rewrote the '{chosen[0].Title}' section of {output} in {total.Elapsed.TotalMinutes:0.0} minutes.");
            return 0;
        }

        sections.AppendLine(Comparison);
        var report = new StringBuilder()
            .AppendLine("# Benchmarks")
            .AppendLine()
            .AppendLine("Every figure sits next to a baseline measured in the same run, on the same machine; compare ratios, not")
            .AppendLine("absolute numbers. Written by `dotnet run -c Release --project benchmarks/OrleansCalendar.LoadTest -- all`;")
            .AppendLine("how to run each part: [`benchmarks/README.md`](../benchmarks/README.md).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- **Machine:** {Machine()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- **Runtime:** {RuntimeInformation.FrameworkDescription}, Orleans {OrleansVersion()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- **Date:** {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"- **Commit:** {await CommitAsync(root)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- **Whole run:** {total.Elapsed.TotalMinutes:0.0} minutes")
            .AppendLine()
            .AppendLine("<details><summary>BenchmarkDotNet environment</summary>")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(environment)
            .AppendLine("```")
            .AppendLine()
            .AppendLine("</details>")
            .AppendLine()
            .Append(sections);
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine($"Wrote {output} in {total.Elapsed.TotalMinutes:0.0} minutes.");
        return 0;
    }

    /// <summary>The parts of the report, in order; <c>--only KEY</c> measures one of them again.</summary>
    private static List<Part> Parts(string root, LoadOptions load, Action<string> environment) =>
    [
        new("engine", "Engine (BenchmarkDotNet, `OrleansCalendar.Benchmarks`)", """
            Pure scheduling code, no silo: interval-set merging and overlap queries, free-slot generation against 100,
            1,000 and 10,000 busy intervals, recurrence expansion (weekly hours across a daylight-saving change; Outlook's
            own series arrive expanded from calendarView), and applying a Graph delta page to a calendar's events. Each
            table has its baseline (ratio 1.00); short runs (1 warm-up, 5 iterations of 150 ms), so read ratios, not
            nanoseconds.
            """, async () =>
            {
                var (tables, env) = await EngineAsync(root);
                environment(env);
                return tables;
            }),
        new("api", "API (HTTP load on loopback, `OrleansCalendar.LoadTest`)", """
            The real server process (Release, embedded SQLite) started by the tool, with the same closed-loop generator
            (each client sends its next request when the last one answered) for every row; the generator shares the
            cores with the server, which caps both alike. Free slots cover 7 days of a 09:00–17:00 weekday calendar
            whose member's connected Outlook Work calendar holds the given number of busy events (imported by the first
            sync from the Graph emulator; more than fit in the week are spread over one day per hundred). Bookings each
            take a new slot, so every one is a 201 that wrote its appointment and reservation before answering. (More
            busy events can make a query cheaper: the answer lists the free slots, and a busier week has fewer.) After
            15 s of unmeasured bookings (a fresh server speeds up for about half a minute), the baseline
            `GET /health/live` is measured first and last; ratios are to the mean of the two.
            """, () => ApiScenario.RunAsync(root, load, [100, 1_000, 10_000])),
        new("sync", "Outlook sync (`OrleansCalendar.LoadTest -- sync`)", """
            The real server process against the project's Graph emulator on loopback, polling every 2 s, no webhooks.
            Steady state: 20 requested sync cycles of a connection with two pulled calendars and nothing changing in
            Outlook, counted in the emulator's request log. Change to visible: events added in Outlook at random
            moments, each timed until its slot leaves `GET .../free-slots` (polled every 20 ms); polling alone makes a
            change wait half a period on average. Slot queries: the closed-loop generator on `free-slots` while the
            connection is polled, with every Graph request in the meantime counted.
            """, () => SyncScenario.RunAsync(root, load)),
        new("webhooks", "Webhooks (`OrleansCalendar.LoadTest -- webhooks`)", """
            The real server process with `Server__PublicBaseUrl` set to its own loopback address, so the emulator
            creates real subscriptions (validating the endpoint) and posts real notifications. Ingestion: each request
            one genuine notification (the subscription's id and clientState, checked, routed and coalesced into delta
            runs in the background); baseline `GET /health/live` in the same run. Change to visible: as above, through
            notifications instead of polling (polling every 300 s).
            """, () => WebhookScenario.RunAsync(root, load)),
        new("events", "Event webhooks (`OrleansCalendar.LoadTest -- events`)", """
            The real server process (Release, embedded SQLite) posting events to a receiver on loopback in the tool. What
            an endpoint costs a booking: the same closed-loop booking generator on two sub-accounts of 32 calendars each,
            one without webhook endpoints (baseline) and one with an endpoint subscribed to `appointment.created`, so every
            booking there prepares, commits and delivers an event. Both warm up unmeasured for 15 s first (a fresh server
            speeds up for about half a minute), and the endpoint's row is set against the mean of the baseline measured
            right before and right after it, its event backlog drained in between. Throughput: the events that endpoint
            received over the load run and until its queue drained. Latency: from each 201 to its event's arrival,
            bookings one at a time. Each booking row also gives the CPU time per booking of the server and of the load
            tool (which hosts the receiver): on two shared cores the rate follows their sum. The floor of any delivery:
            a delivered event's request posted bare to the same receiver, and the highest ratio that alone allows. Where
            an event's CPU and the SQLite writer's time go: `docs/event-webhooks.md`.
            """, () => EventScenario.RunAsync(root, load)),
        new("history", "Cost against history (`OrleansCalendar.LoadTest -- history`)", """
            Whether a user's history costs anything now. Bookings: one client books 10,000 appointments one after
            another for one user of the real server process (after 1,000 warm-up bookings of another user); the median
            of the last 250 against the first 250. Dense free slots: 7 days of a calendar with 10-minute slots from
            06:00 to 22:00 daily and 500 appointments in the week, under the closed-loop generator, against
            `GET /health/live` measured right before and right after it (their mean). Past appointments: a server inside the tool activates users'
            availability whose appointments all ended (archived on the way), 100 against 10,000 each; activation time
            and the managed heap those activations hold after a full compacting collection.
            """, () => HistoryScenario.RunAsync(root, load)),
        new("cluster", "Cluster (`OrleansCalendar.LoadTest -- cluster`)", """
            One throwaway PostgreSQL 15 and clusters of 1, 2 and 3 server processes on it (a fresh database each),
            requests round-robin over the silos as a load balancer would; the baseline is `GET /health/live` through
            the same round-robin. The silos, PostgreSQL (fsync off) and the generator share the machine's cores, so
            more silos add coordination without adding CPU: the figures show what clustering costs and that every silo
            serves everything, not what silos on machines of their own would do.
            """, () => ClusterScenario.RunAsync(root, load with { BusyIntervals = 100 })),
        new("scale", "Scale: memory per active integration (`OrleansCalendar.LoadTest -- scale`)", """
            10,000 connected integrations, each holding 200 imported events (Outlook-sized ids, encrypted tokens,
            delta links), written to the embedded store and listed in the wake-up directory's 64 shards; then a server
            on that store starts and wakes them all from the shards, as after any restart. The server runs inside the
            tool so its managed heap can be read after a full compacting collection; the baseline is the same server's
            heap with nothing active.
            """, () => ScaleScenario.RunAsync(10_000, 200)),
        new("troubleshooter", "Availability troubleshooter (`OrleansCalendar.LoadTest -- troubleshooter`)", """
            The real server process (Release, embedded SQLite) with a member whose connected Outlook Work calendar holds
            500 busy events (imported by the first sync from the Graph emulator), under the same closed-loop generator:
            `GET .../availability` explains every 30-minute slot of one weekday (48 slots, each with every reason that
            applies), next to free slots for the same day and `GET /health/live` as the baseline. Graph requests are
            counted in the emulator's request log while the troubleshooter runs (polling is an hour away, webhooks off).
            """, () => TroubleshooterScenario.RunAsync(root, load)),
    ];

    /// <summary>
    /// Replaces the section titled <paramref name="title"/> (up to the next one) with <paramref name="section"/>; a part
    /// the report does not have yet goes before the comparison that closes it.
    /// </summary>
    private static string ReplaceSection(string report, string title, string section)
    {
        var heading = $"## {title}";
        var start = report.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            var at = report.IndexOf(ComparisonHeading, StringComparison.Ordinal) is var comparison and >= 0 ? comparison : report.Length;
            return report[..at] + section.TrimEnd() + Environment.NewLine + Environment.NewLine + report[at..];
        }

        var next = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return report[..start] + section.TrimEnd() + Environment.NewLine + (next < 0 ? "" : report[next..]);
    }

    private const string ComparisonHeading = "## Compared with asking Outlook";

    private const string Comparison = """
        ## Compared with asking Outlook on every slot query

        A common way to prevent double booking is to call the provider's free/busy API (`getSchedule` or a
        `calendarView` read) for every member while a booking page asks for slots. That costs at least one Graph
        round trip per member per query, counts against Microsoft's per-mailbox throttling, and fails when Graph
        is slow or down. Here Outlook changes are pulled in the background (webhooks, then delta) and slot queries
        are answered from the grains' own state:

        | approach | Graph requests per slot query | where the figure comes from |
        |---|---:|---|
        | live free/busy lookup per query | ≥ 1 per member | by construction |
        | OrleansCalendar | 0 | *Outlook sync* table: requests counted in the emulator while slot queries ran |

        What a live lookup would add to each query is a Graph round trip over the internet per member (plus the
        risk of throttling); this machine has no route to Microsoft, so that cost is not measured here.
        """;

    private static void Section(StringBuilder sections, string title, string intro, string body) =>
        sections.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine().AppendLine(intro.Trim()).AppendLine().AppendLine(body.Trim()).AppendLine();

    /// <summary>Runs every BenchmarkDotNet class with short jobs; returns their tables and the environment block of the first.</summary>
    private static async Task<(string Tables, string Environment)> EngineAsync(string root)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), $"oc-bdn-{Guid.NewGuid():N}");
        using var run = Process.Start(new ProcessStartInfo("dotnet",
        [
            "run", "-c", "Release", "--project", "benchmarks/OrleansCalendar.Benchmarks", "--",
            "--filter", "*", "--warmupCount", "1", "--iterationCount", "5", "--iterationTime", "150", "--launchCount", "1",
            "--exporters", "github", "--artifacts", artifacts,
        ])
        { WorkingDirectory = root, RedirectStandardOutput = true })!;
        await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"BenchmarkDotNet failed ({run.ExitCode}).");
        }

        var tables = new StringBuilder();
        var environment = "";
        foreach (var file in Directory.GetFiles(Path.Combine(artifacts, "results"), "*-report-github.md").Order(StringComparer.Ordinal))
        {
            var text = WebUtility.HtmlDecode(await File.ReadAllTextAsync(file));
            var fence = EnvironmentBlock().Match(text);
            environment = environment.Length == 0 ? fence.Groups[1].Value.Trim() : environment;
            var name = Path.GetFileName(file).Replace("OrleansCalendar.Benchmarks.", "", StringComparison.Ordinal).Replace("-report-github.md", "", StringComparison.Ordinal);
            tables.AppendLine(CultureInfo.InvariantCulture, $"**{name}**").AppendLine().AppendLine(text[(fence.Index + fence.Length)..].Trim()).AppendLine();
        }

        Directory.Delete(artifacts, recursive: true);
        return (tables.ToString(), environment);
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:0} GiB, {RuntimeInformation.OSDescription}");
    }

    /// <summary>"10.4.2" out of Orleans' informational version ("10.4.2. Commit Hash: …").</summary>
    private static string OrleansVersion() =>
        LeadingVersion().Match(typeof(IGrainFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "").Value is { Length: > 0 } version
            ? version
            : "unknown";

    private static async Task<string> CommitAsync(string root)
    {
        static async Task<string> GitAsync(string root, params string[] args)
        {
            using var git = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = root, RedirectStandardOutput = true })!;
            var text = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return text.Trim();
        }

        var commit = await GitAsync(root, "rev-parse", "--short", "HEAD");
        var dirty = (await GitAsync(root, "status", "--porcelain", "--untracked-files=no")).Length > 0;
        return dirty ? $"{commit} with uncommitted changes" : commit;
    }

    [GeneratedRegex("```(.*?)```", RegexOptions.Singleline)]
    private static partial Regex EnvironmentBlock();

    [GeneratedRegex(@"^\d+(\.\d+)*")]
    private static partial Regex LeadingVersion();
}
