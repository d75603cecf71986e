namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The integration's timetable, in memory (a new activation starts afresh): the last poll, a requested sync,
/// calendars queued for a pull (by a poll, a notification within its coalescing window, a new subscription),
/// whether a full cycle still owes its reconcile, Graph's Retry-After for the mailbox, and the backoff after turns
/// that failed as a whole (storage refusing writes). <see cref="NextAt"/> says when the timer is to wake.
/// </summary>
internal sealed class SyncSchedule(TimeProvider clock)
{
    /// <summary>The first wait after a failed turn; it doubles with every further one, up to <see cref="MaxTurnRetryDelay"/>.</summary>
    public static readonly TimeSpan TurnRetryDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxTurnRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, DateTimeOffset> _pulls = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPollAt;
    private bool _syncRequested;
    private bool _reconcileOwed;
    private int _failedTurns;
    private DateTimeOffset _retryAt;
    private DateTimeOffset _graphQuietUntil;

    /// <summary>A pull cycle is running right now.</summary>
    public bool Running { get; set; }

    /// <summary>False after a write storage refused, until one succeeds: until then no turn calls Graph.</summary>
    public bool StorageTrusted { get; set; } = true;

    /// <summary>Whether Graph may be called now (its Retry-After for the mailbox has passed).</summary>
    public bool GraphAllowed => clock.GetUtcNow() >= _graphQuietUntil;

    public void Polled(DateTimeOffset at) => _lastPollAt = at;

    public void RequestSync() => _syncRequested = true;

    /// <summary>Pushes may have been lost (a write of one failed): the next turn reconciles, without a full pull.</summary>
    public void OweReconcile() => _reconcileOwed = true;

    /// <summary>Queues a pull of the calendar after <paramref name="delay"/>; an earlier one already queued stands.</summary>
    public void QueuePull(string calendarId, TimeSpan delay)
    {
        var due = clock.GetUtcNow() + delay;
        if (!_pulls.TryGetValue(calendarId, out var queued) || due < queued)
        {
            _pulls[calendarId] = due;
        }
    }

    /// <summary>
    /// The watched calendars to pull now, in their order. A due poll (or a requested sync) queues every watched
    /// calendar and a reconcile of pushes; queued calendars no longer watched are dropped.
    /// </summary>
    public IReadOnlyList<string> DuePulls(IReadOnlyList<string> watched, TimeSpan pollingPeriod)
    {
        var now = clock.GetUtcNow();
        if (_syncRequested || now >= _lastPollAt + pollingPeriod)
        {
            _syncRequested = false;
            _lastPollAt = now;
            _reconcileOwed = true;
            foreach (var calendarId in watched)
            {
                _pulls[calendarId] = now;
            }
        }

        foreach (var calendarId in _pulls.Keys.Where(c => !watched.Contains(c)).ToList())
        {
            _pulls.Remove(calendarId);
        }

        return [.. watched.Where(c => _pulls.TryGetValue(c, out var due) && due <= now)];
    }

    /// <summary>The calendar's pull is done (complete or failed): it leaves the queue until it is due again.</summary>
    public void Pulled(string calendarId) => _pulls.Remove(calendarId);

    /// <summary>Whether a full cycle has pulled everything it queued and now owes its reconcile (then no longer owed).</summary>
    public bool TakeReconcile()
    {
        var now = clock.GetUtcNow();
        if (!_reconcileOwed || _pulls.Values.Any(due => due <= now))
        {
            return false;
        }

        _reconcileOwed = false;
        return true;
    }

    /// <summary>What the connection shows as <c>syncing</c>: a sync asked for, queued or running and not finished.</summary>
    public bool Syncing(bool connected) =>
        connected && (_syncRequested || Running || _reconcileOwed || _pulls.Values.Any(due => due <= clock.GetUtcNow()));

    /// <summary>Graph asked not to be called before <paramref name="notBefore"/> (counted from the arrival of its answer).</summary>
    public void Throttled(DateTimeOffset? notBefore)
    {
        if (notBefore > _graphQuietUntil)
        {
            _graphQuietUntil = notBefore.Value;
        }
    }

    public void TurnSucceeded()
    {
        _failedTurns = 0;
        _retryAt = default;
    }

    /// <summary>A turn failed as a whole: nothing runs (and nothing calls Graph) before the backoff has passed.</summary>
    public void TurnFailed()
    {
        _failedTurns++;
        _retryAt = clock.GetUtcNow() + PushDrafts.Backoff(_failedTurns, TurnRetryDelay, MaxTurnRetryDelay, retryAfter: null);
    }

    /// <summary>When the timer is to wake; null when there is nothing to wake for.</summary>
    public DateTimeOffset? NextAt(bool connected, bool housekeepingOwed, TimeSpan pollingPeriod, DateTimeOffset? subscriptionWorkAt, DateTimeOffset? pushAt)
    {
        var now = clock.GetUtcNow();
        var pollAt = _syncRequested || _reconcileOwed ? now : _lastPollAt + pollingPeriod;
        DateTimeOffset? pullAt = _pulls.Count == 0 ? null : _pulls.Values.Min();
        return NextDue.At(new DueInputs(connected, housekeepingOwed, pollAt, pullAt, subscriptionWorkAt, pushAt, _graphQuietUntil, _retryAt), now);
    }
}
