using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.WakeUp;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Grains.WakeUp;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Waking and holding <c>N</c> Outlook integrations: <c>N</c> connected integrations, each holding 200 imported
/// events, are written to the embedded store as a running server would have left them (tokens encrypted with its key
/// ring, realistic Outlook ids and delta links, each listed in its shard of the wake-up directory). A second server
/// on the same data directory then starts and, as after any restart, wakes every integration from the directory
/// shards; the time until all are active and the managed heap they hold (against the heap of the same server with
/// nothing active) are the figures, with the size of the directory rows against the single row earlier versions
/// rewrote on every change. The server runs in this process so that the heap can be read after a full, compacting
/// collection.
/// </summary>
internal static class ScaleScenario
{
    private const string SubAccount = "sa_scale";

    /// <summary>No poll of the written integrations comes due while the start is measured, however long writing them took.</summary>
    private static readonly Dictionary<string, string> HourlyPolling = new() { ["Sync:IntervalSeconds"] = "3600" };

    public static async Task<string> RunAsync(int integrations, int eventsEach)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"oc-scale-{Guid.NewGuid():N}");
        try
        {
            long idleHeap;
            TimeSpan seeding;
            int largestShard, singleRow;
            await using (var seed = new InProcessServer(dataDir, settings: HourlyPolling))
            {
                seed.Start();
                idleHeap = InProcessServer.CollectedHeap();
                Console.WriteLine($"Writing {integrations:N0} integrations with {eventsEach} events each ...");
                var watch = Stopwatch.StartNew();
                (largestShard, singleRow) = await SeedAsync(seed.Services, integrations, eventsEach);
                seeding = watch.Elapsed;
            }

            Console.WriteLine("Starting a server on that store and waiting until it has woken them all ...");
            await using var warm = new InProcessServer(dataDir, settings: HourlyPolling);
            var started = Stopwatch.StartNew();
            warm.Start();
            var management = warm.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            int active;
            while ((active = await ActiveIntegrationsAsync(management)) < integrations)
            {
                if (started.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"Only {active} of {integrations} integrations were active after 5 minutes.");
                }

                await Task.Delay(100);
            }

            var warmTime = started.Elapsed;
            var warmHeap = InProcessServer.CollectedHeap();
            var perIntegration = (warmHeap - idleHeap) / (double)integrations;
            return new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"{integrations:N0} connected Outlook integrations, {eventsEach} imported events each, embedded SQLite store; the server in-process, heap read after a full compacting collection; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}.")
                .AppendLine()
                .AppendLine("| figure | value | against |")
                .AppendLine("|---|---:|---:|")
                .AppendLine(CultureInfo.InvariantCulture, $"| managed heap of the idle server (baseline) | {idleHeap / 1048576.0:N1} MB | |")
                .AppendLine(CultureInfo.InvariantCulture, $"| managed heap with all integrations active | {warmHeap / 1048576.0:N1} MB | {warmHeap / (double)idleHeap:N1} × baseline |")
                .AppendLine(CultureInfo.InvariantCulture, $"| memory per active integration grain | {perIntegration / 1024:N1} KB | {perIntegration / 1024 / 50:N2} × the 50 KB target |")
                .AppendLine(CultureInfo.InvariantCulture, $"| integration activations | {active:N0} | {active / (double)integrations:N2} × integrations |")
                .AppendLine(CultureInfo.InvariantCulture, $"| time to wake them all after start (64 directory shards read 8 at a time, 16 wake calls at a time) | {warmTime.TotalSeconds:N1} s | {warmTime.TotalMilliseconds / integrations:N2} ms per integration |")
                .AppendLine(CultureInfo.InvariantCulture, $"| largest wake-up directory row (one of {WakeUpShards.Count} shards) | {largestShard / 1024.0:N1} KB | {largestShard / (double)singleRow:P1} of the single row of earlier versions ({singleRow / 1024.0:N1} KB) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| time to write them (setup, for scale) | {seeding.TotalSeconds:N1} s | |")
                .ToString();
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

    private static async Task<int> ActiveIntegrationsAsync(IManagementGrain management)
    {
        var hosts = await management.GetHosts(onlyActive: true);
        var statistics = await management.GetSimpleGrainStatistics([.. hosts.Keys]);
        return statistics.Where(s => s.GrainType.Contains(nameof(OutlookIntegrationGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    /// <summary>
    /// Writes the integrations and the wake-up directory shards that list them, through the server's own grain storage;
    /// returns the size of the largest shard row and of the single row that would list them all.
    /// </summary>
    private static async Task<(int LargestShard, int SingleRow)> SeedAsync(IServiceProvider services, int integrations, int eventsEach)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var serializer = services.GetRequiredService<IGrainStorageSerializer>();
        var grains = services.GetRequiredService<IGrainFactory>();
        var secrets = services.GetRequiredService<ISecretProtector>();
        var keys = Enumerable.Range(0, integrations).Select(i => GrainKeys.Scoped(SubAccount, $"usr_{i:D6}")).ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, _) =>
        {
            var state = new GrainState<OutlookIntegrationState>(Integration(key, eventsEach, secrets));
            await storage.WriteStateAsync("outlook-integration", grains.GetGrain<IOutlookIntegrationGrain>(key).GetGrainId(), state);
        });

        var largest = 0;
        foreach (var shard in keys.GroupBy(key => WakeUpShards.For(OutlookIntegrationGrain.WakeUpKind, key)))
        {
            var directory = new WakeUpDirectoryState { Keys = new HashSet<string>(shard, StringComparer.Ordinal) };
            await storage.WriteStateAsync("wake-up-directory", grains.GetGrain<IWakeUpDirectoryGrain>(shard.Key).GetGrainId(), new GrainState<WakeUpDirectoryState>(directory));
            largest = Math.Max(largest, serializer.Serialize(directory).ToArray().Length);
        }

        var single = new OutlookSyncDirectoryState { Integrations = new HashSet<string>(keys, StringComparer.Ordinal) };
        return (largest, serializer.Serialize(single).ToArray().Length);
    }

    /// <summary>A connected integration as sync leaves it: a linked calendar, a conflict calendar with the events, fresh delta links.</summary>
    private static OutlookIntegrationState Integration(string key, int eventsEach, ISecretProtector secrets)
    {
        var now = DateTimeOffset.UtcNow;
        var linked = OutlookId();
        var work = OutlookId();
        var events = new Dictionary<Guid, ImportedEvent>(eventsEach);
        var day = now.UtcDateTime.Date.AddDays(1);
        for (var i = 0; i < eventsEach; i++)
        {
            var start = new DateTimeOffset(day.AddDays(i / 4).AddHours(9 + 2 * (i % 4)), TimeSpan.Zero);
            events[EventKey.Of(OutlookId())] = new ImportedEvent(start, start.AddMinutes(45), Blocks: i % 5 != 0, Title: null);
        }

        return new OutlookIntegrationState
        {
            Exists = true,
            Status = ConnectionStatus.Connected,
            AccountId = Guid.NewGuid().ToString(),
            Email = $"{key.Replace('/', '.')}@contoso.com",
            DisplayName = "Scale Test User",
            Access = OutlookAccessLevel.ReadWrite,
            // Microsoft's tokens are opaque strings of a couple of kilobytes; stored encrypted.
            ProtectedRefreshToken = secrets.Protect(RandomText(1_400)),
            ProtectedAccessToken = secrets.Protect(RandomText(2_200)),
            AccessTokenExpiresAt = now.AddMinutes(50),
            LinkedCalendarId = linked,
            ConflictCalendarIds = [work],
            Preferences = SyncPreferences.Default,
            ConnectedAt = now.AddDays(-30),
            LastSyncAt = now,
            Calendars = new Dictionary<string, CalendarSyncRecord>
            {
                [work] = SyncRecord(events, now),
                [linked] = SyncRecord([], now),
            },
        };
    }

    private static CalendarSyncRecord SyncRecord(Dictionary<Guid, ImportedEvent> events, DateTimeOffset now) => new()
    {
        DeltaLink = "https://graph.microsoft.com/v1.0/me/calendars/" + OutlookId() + "/calendarView/delta?$deltatoken=" + RandomText(380),
        WindowStart = now,
        WindowEnd = now.AddDays(90),
        Imported = events,
        LastSyncAt = now,
        Published = true,
    };

    /// <summary>Outlook ids are base64 of about 150 characters, like "AAMkAGI2…=".</summary>
    private static string OutlookId() => "AAMkAGI2" + RandomText(144) + "=";

    private static string RandomText(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('/', '_').Replace('+', '-')[..length];
}
