using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// Pull: conflict calendars into the user's availability through calendarView/delta. Runs on a grain timer while
/// the integration is active, on a reminder that wakes it, and at once when asked.
/// </summary>
public sealed partial class OutlookIntegrationGrain
{
    public Task RequestSyncAsync()
    {
        EnsureConnected();
        RequestSyncNow();
        return Task.CompletedTask;
    }

    public Task WakeAsync() => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!S.Exists)
        {
            return StopSyncingAsync();
        }

        Reschedule();
        return Task.CompletedTask;
    }

    /// <summary>Timer, reminder and directory entry for an existing integration; idempotent.</summary>
    private async Task KeepSyncingAsync()
    {
        var period = Sync.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : Sync.Interval;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        await GrainFactory.GetGrain<IOutlookSyncDirectoryGrain>("all").AddAsync(Key);
        Reschedule();
    }

    private async Task StopSyncingAsync()
    {
        _tick?.Dispose();
        _tick = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await GrainFactory.GetGrain<IOutlookSyncDirectoryGrain>("all").RemoveAsync(Key);
    }

    private void RequestSyncNow()
    {
        _syncRequested = true;
        Reschedule();
    }

    /// <summary>Points the timer at the next thing due: a poll, a requested sync, a notified calendar, subscription work or a push retry.</summary>
    private void Reschedule()
    {
        if (_ticking)
        {
            return;
        }

        if (!S.Exists || S.Status != ConnectionStatus.Connected)
        {
            // A connection that needs a reconnect waits for it (the reconnect starts syncing again).
            _tick?.Dispose();
            _tick = null;
            return;
        }

        var now = clock.GetUtcNow();
        var due = _syncRequested ? now : NextPollAt();
        if (_pendingPulls.Count > 0 && _pendingPullsAt < due)
        {
            due = _pendingPullsAt;
        }

        if (NextSubscriptionWorkAt() is { } subscriptionWork && subscriptionWork < due)
        {
            due = subscriptionWork;
        }

        foreach (var push in S.Pushes.Values.Where(p => p.IsDirty && p.NextAttemptAt < due))
        {
            due = push.NextAttemptAt;
        }

        // After a turn that failed as a whole (storage trouble), never spin.
        if (due < _quietUntil)
        {
            due = _quietUntil;
        }

        var wait = due - now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        if (_tick is null)
        {
            _tick = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _tick.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        _ticking = true;
        try
        {
            if (S.Exists && S.Status == ConnectionStatus.Connected)
            {
                // Subscriptions first: a new one queues a pull of its calendar, which covers changes made before it.
                await MaintainSubscriptionsAsync(cancellationToken);
                var now = clock.GetUtcNow();
                if (_syncRequested || now >= NextPollAt())
                {
                    _syncRequested = false;
                    _pendingPulls.Clear();
                    _lastPollAt = now;
                    await RunSyncAsync(PulledCalendars(), reconcile: true, cancellationToken);
                }
                else if (_pendingPulls.Count > 0 && now >= _pendingPullsAt)
                {
                    var pulled = PulledCalendars();
                    var notified = pulled.Where(_pendingPulls.Contains).ToList();
                    _pendingPulls.Clear();
                    await RunSyncAsync(notified, reconcile: false, cancellationToken);
                }

                await PushDueAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _quietUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            logger.LogWarning(e, "Outlook sync of {Integration} failed", Key);
        }
        finally
        {
            _ticking = false;
            Reschedule();
        }
    }

    private async Task RunSyncAsync(IReadOnlyList<string> calendarIds, bool reconcile, CancellationToken cancellationToken)
    {
        _syncRunning = true;
        try
        {
            await SyncCalendarsAsync(calendarIds, reconcile, cancellationToken);
        }
        finally
        {
            _syncRunning = false;
        }
    }

    /// <summary>
    /// When the next poll is due: the normal period, or the longer safety-net period while every pulled calendar
    /// has a live subscription (notifications then bring changes within seconds).
    /// </summary>
    private DateTimeOffset NextPollAt()
    {
        var period = WebhooksHealthy(clock.GetUtcNow()) && Hooks.SafetyNetInterval > Sync.Interval ? Hooks.SafetyNetInterval : Sync.Interval;
        return _lastPollAt + period;
    }

    /// <summary>
    /// Pulls the given calendars (a full cycle also reconciles pushes). Errors stay per calendar; the connection's
    /// last error is the first one among the pulled calendars.
    /// </summary>
    private async Task SyncCalendarsAsync(IReadOnlyList<string> calendarIds, bool reconcile, CancellationToken cancellationToken)
    {
        foreach (var calendarId in calendarIds)
        {
            var record = S.Calendars.TryGetValue(calendarId, out var existing) ? existing : S.Calendars[calendarId] = new CalendarSyncRecord();
            try
            {
                await PullAsync(calendarId, record, cancellationToken);
                record.LastError = null;
            }
            catch (CalendarException e) when (e.Code == ErrorCodes.NeedsReconnect)
            {
                return;
            }
            catch (Exception e) when (e is OutlookGraphException or CalendarException)
            {
                record.LastError = e.Message;
            }

            await state.WriteStateAsync(cancellationToken);
        }

        if (reconcile)
        {
            try
            {
                await ReconcilePushesAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException and not CalendarException)
            {
                logger.LogWarning(e, "Reconciling Outlook pushes of {Integration} failed", Key);
            }
        }

        var firstError = PulledCalendars().Select(c => S.Calendars.GetValueOrDefault(c)?.LastError).FirstOrDefault(e => e is not null);
        S.LastError = firstError;
        if (firstError is null)
        {
            S.LastSyncAt = clock.GetUtcNow();
        }

        await state.WriteStateAsync(cancellationToken);
    }

    /// <summary>
    /// One calendar: continue from the stored deltaLink, or run a full round when there is none, when the window
    /// slid (a new day) or when Graph says the link expired (410). A full round collects into a fresh set, so the
    /// busy time in force stays until the new round is complete.
    /// </summary>
    private async Task PullAsync(string calendarId, CalendarSyncRecord record, CancellationToken cancellationToken)
    {
        var (windowStart, windowEnd) = Window();
        var full = record.DeltaLink is null || record.WindowStart != windowStart || record.WindowEnd != windowEnd;
        Dictionary<Guid, ImportedEvent> events;
        string deltaLink;
        DeltaApplier applier;
        try
        {
            applier = NewApplier();
            events = full ? [] : new Dictionary<Guid, ImportedEvent>(record.Imported);
            deltaLink = await RoundAsync(calendarId, full ? null : record.DeltaLink, windowStart, windowEnd, events, applier, cancellationToken);
        }
        catch (OutlookGraphException e) when (e.StatusCode == 410 && !full)
        {
            logger.LogInformation("Delta link of an Outlook calendar of {Integration} expired; running a full round", Key);
            applier = NewApplier();
            events = [];
            deltaLink = await RoundAsync(calendarId, null, windowStart, windowEnd, events, applier, cancellationToken);
        }

        var before = DeltaApplier.Busy(record.Imported.Values);
        record.Imported = events;
        record.DeltaLink = deltaLink;
        record.WindowStart = windowStart;
        record.WindowEnd = windowEnd;
        record.LastSyncAt = clock.GetUtcNow();

        if (S.ConflictCalendarIds.Contains(calendarId))
        {
            var after = DeltaApplier.Busy(events.Values);
            if (!record.Published || !before.SequenceEqual(after))
            {
                await Availability().ReplaceExternalAsync(calendarId, after);
                record.Published = true;
            }
        }

        await FollowOwnCopiesAsync(calendarId, applier.OwnCopies, cancellationToken);
    }

    private async Task<string> RoundAsync(
        string calendarId, string? link, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        Dictionary<Guid, ImportedEvent> events, DeltaApplier applier, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = link;
            var page = await CallGraphRawAsync(token => graph.GetCalendarViewDeltaAsync(Key, token, calendarId, current, windowStart, windowEnd, cancellationToken));
            applier.Apply(page.Items, events);
            if (page.NextLink is { } next)
            {
                link = next;
                continue;
            }

            return page.DeltaLink ?? throw new OutlookGraphException(null, null, "Graph ended a delta round without a deltaLink.");
        }
    }

    private DeltaApplier NewApplier()
    {
        var byEvent = new Dictionary<string, PushRecord>(StringComparer.Ordinal);
        var byTransaction = new Dictionary<string, PushRecord>(StringComparer.Ordinal);
        foreach (var push in S.Pushes.Values)
        {
            if (push.EventId is { } eventId)
            {
                byEvent[eventId] = push;
            }

            if (push.TransactionId.Length > 0)
            {
                byTransaction[push.TransactionId] = push;
            }
        }

        return new DeltaApplier(S.Preferences, byEvent, byTransaction);
    }

    /// <summary>The sync window: today's UTC midnight and <see cref="SyncOptions.WindowDays"/> after it.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        return (today, today.AddDays(Sync.WindowDays));
    }

    /// <summary>
    /// Conflict calendars, plus the linked calendar even when it is not one: its pushed copies are watched (moves
    /// and deletes follow back with two-way sync and are reported with one-way). These are also the calendars with
    /// a Graph subscription.
    /// </summary>
    private List<string> PulledCalendars()
    {
        var calendars = S.ConflictCalendarIds.ToList();
        if (S.LinkedCalendarId is { } linked && !calendars.Contains(linked))
        {
            calendars.Add(linked);
        }

        return calendars;
    }

    /// <summary>
    /// After a configuration change: calendars no longer pulled are forgotten with their busy time, calendars no
    /// longer conflict calendars take their busy time back, and changed preferences re-read everything.
    /// </summary>
    private async Task ApplyCalendarChoiceAsync(bool preferencesChanged)
    {
        var pulled = PulledCalendars();
        foreach (var (calendarId, record) in S.Calendars.ToList())
        {
            if (!pulled.Contains(calendarId))
            {
                await Availability().ReplaceExternalAsync(calendarId, []);
                S.Calendars.Remove(calendarId);
                continue;
            }

            if (!S.ConflictCalendarIds.Contains(calendarId) && record.Published)
            {
                await Availability().ReplaceExternalAsync(calendarId, []);
                record.Published = false;
            }

            if (preferencesChanged)
            {
                record.DeltaLink = null;
            }
        }
    }

    /// <summary>
    /// Removes every imported busy interval, deletes the Graph subscriptions and drops pushes still owed (they can
    /// no longer land).
    /// </summary>
    private async Task ForgetSyncAsync(string reason)
    {
        foreach (var subscription in S.Subscriptions.Values)
        {
            await DropSubscriptionAsync(subscription, CancellationToken.None);
        }

        S.Subscriptions.Clear();
        foreach (var calendarId in S.Calendars.Keys)
        {
            await Availability().ReplaceExternalAsync(calendarId, []);
        }

        S.Calendars.Clear();
        foreach (var push in S.Pushes.Values.Where(p => p.IsDirty))
        {
            Report(push, SyncState.Failed, reason);
        }

        S.Pushes.Clear();
    }

    private IAvailabilityGrain Availability() => GrainFactory.GetGrain<IAvailabilityGrain>(Key);
}
