using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// Keeps every syncing integration active, so polling and push retries go on whatever happens to silos.
/// <list type="bullet">
/// <item>Once this silo runs, it wakes them all: the embedded default keeps reminders in memory, so after a restart
/// this is what resumes them (durable reminders on PostgreSQL would too, but only at their next period).</item>
/// <item>When another silo is declared dead (killed, or gone after a graceful stop), the grains it hosted lost
/// their timers; the oldest live silo wakes them all again, and they activate on the silos that remain.</item>
/// </list>
/// Waking is idempotent: an integration already active just answers.
/// </summary>
public sealed partial class OutlookSyncWakeUp(
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IHostApplicationLifetime lifetime,
    ILogger<OutlookSyncWakeUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var dead = DeadSilos(membership.CurrentSnapshot);
        await WakeAllAsync(stoppingToken);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = DeadSilos(snapshot).Except(dead).ToList();
                if (newlyDead.Count == 0)
                {
                    continue;
                }

                dead.UnionWith(newlyDead);
                if (IsOldestActive(snapshot))
                {
                    LogSiloDied(string.Join(", ", newlyDead));
                    await WakeAllAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static HashSet<SiloAddress> DeadSilos(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();

    /// <summary>One silo does the waking; the oldest is the one every silo agrees on.</summary>
    private bool IsOldestActive(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .OrderBy(m => m.SiloAddress.Generation)
            .ThenBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(m => m.SiloAddress)
            .FirstOrDefault() == localSilo.SiloAddress;

    private async Task WakeAllAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var keys = await grains.GetGrain<IOutlookSyncDirectoryGrain>("all").ListAsync();
                await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                    async (key, _) => await grains.GetGrain<IOutlookIntegrationGrain>(key).WakeAsync());
                LogWoken(keys.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} Outlook integrations for sync")]
    private partial void LogWoken(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} left the cluster; waking Outlook integrations on the silos that remain")]
    private partial void LogSiloDied(string silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking Outlook integrations failed (attempt {Attempt}); trying again")]
    private partial void LogRetry(Exception exception, int attempt);
}
