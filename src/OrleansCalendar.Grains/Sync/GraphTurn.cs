namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// How long one grain turn may wait on Microsoft. Every Graph and token request of the turn carries its token, so a
/// Graph that hangs holds the integration for the budget at most; work left over continues in the next turn, after
/// the calls that queued meanwhile were answered.
/// </summary>
public sealed class GraphTurn : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly TimeProvider _clock;

    public GraphTurn(TimeSpan budget, TimeProvider clock)
    {
        _clock = clock;
        Deadline = clock.GetUtcNow() + budget;
        _deadline = new CancellationTokenSource(budget, clock);
    }

    public DateTimeOffset Deadline { get; }

    public CancellationToken Token => _deadline.Token;

    /// <summary>Whether the budget is used up: no new request is started.</summary>
    public bool IsSpent => _deadline.IsCancellationRequested || _clock.GetUtcNow() >= Deadline;

    /// <summary>
    /// Waits until <paramref name="instant"/> by this turn's clock. Timers may fire a little early, so the wait is
    /// checked against the clock and continued until the instant has truly passed.
    /// </summary>
    public async Task DelayUntilAsync(DateTimeOffset instant)
    {
        for (var left = instant - _clock.GetUtcNow(); left > TimeSpan.Zero; left = instant - _clock.GetUtcNow())
        {
            await Task.Delay(left, _clock, Token);
        }
    }

    public void Dispose() => _deadline.Dispose();
}
