using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// Once this silo runs, wakes the event publisher of every sub-account with webhook endpoints; each resumes its
/// outbox and wakes its endpoints' delivery grains. The embedded default keeps reminders in memory, so after a restart
/// this is what resumes deliveries; on PostgreSQL the grains' durable reminders resume them too, on whichever silo
/// remains. Waking is idempotent.
/// </summary>
public sealed partial class EventWakeUp(
    IGrainFactory grains,
    IEventWorkRegistry registry,
    IHostApplicationLifetime lifetime,
    ILogger<EventWakeUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        for (var attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var subAccounts = await registry.ListAsync();
                await Parallel.ForEachAsync(subAccounts, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                    async (sid, _) => await grains.GetGrain<IEventPublisherGrain>(sid).WakeAsync());
                LogWoken(subAccounts.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke the event publishers of {Count} sub-accounts")]
    private partial void LogWoken(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking event publishers failed (attempt {Attempt}); trying again")]
    private partial void LogRetry(Exception exception, int attempt);
}
