using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// Once the silo runs, activates every integration that syncs, so polling and push retries resume after a
/// restart. Reminders do that too where they are durable (PostgreSQL); the embedded default keeps reminders in
/// memory, and this is its equivalent. Idempotent: a second silo waking the same integrations changes nothing.
/// </summary>
public sealed partial class OutlookSyncWakeUp(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<OutlookSyncWakeUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking Outlook integrations failed (attempt {Attempt}); trying again")]
    private partial void LogRetry(Exception exception, int attempt);
}
