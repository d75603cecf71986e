namespace OrleansCalendar.Server.WakeUp;

/// <summary>
/// Keeps grains that run on their own timers (Outlook integrations, and every <see cref="WakeUpTarget"/>) running
/// whatever happens to silos.
/// <list type="bullet">
/// <item>Once this silo runs, where reminders are kept in memory (the embedded mode), it wakes every registered grain
/// from the wake-up directory: nothing else would resume them after a restart.</item>
/// <item>When another silo is declared dead (killed, or gone after a graceful stop), the grains it hosted lost their
/// timers; the oldest live silo wakes them all again, and they activate on the silos that remain (durable reminders
/// would too, but only at their next period).</item>
/// </list>
/// Waking is idempotent: a grain already active just answers.
/// </summary>
public sealed partial class WakeUpService(
    IGrainFactory grains,
    IWakeUpSource source,
    IEnumerable<WakeUpTarget> targets,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IHostApplicationLifetime lifetime,
    ILogger<WakeUpService> logger) : BackgroundService
{
    private const int WakesAtOnce = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var dead = DeadSilos(membership.CurrentSnapshot);
        if (source.WakesAtStart)
        {
            await WakeAllAsync(stoppingToken);
        }

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
        foreach (var target in targets)
        {
            for (var attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    var keys = await source.ListAsync(target, stoppingToken);
                    await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = WakesAtOnce, CancellationToken = stoppingToken },
                        async (key, _) => await target.Wake(grains, key));
                    LogWoken(keys.Count, target.Kind);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRetry(e, target.Kind, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
                }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} grains of kind {Kind}")]
    private partial void LogWoken(int count, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} left the cluster; waking grains with timers on the silos that remain")]
    private partial void LogSiloDied(string silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking grains of kind {Kind} failed (attempt {Attempt}); trying again")]
    private partial void LogRetry(Exception exception, string kind, int attempt);
}
