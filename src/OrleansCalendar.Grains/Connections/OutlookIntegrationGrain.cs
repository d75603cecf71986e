using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Grains.WakeUp;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// A user's Outlook integration (<c>{subAccountId}/{userId}</c>): the connection's API calls
/// (<see cref="ConnectionSteps"/>), and a timer that runs what is due (<see cref="SyncSteps"/>). The grain schedules and
/// stores; plain classes decide (<see cref="TokenSession"/>, <see cref="CalendarPuller"/>, <see cref="PushEngine"/>,
/// <see cref="SubscriptionPlanner"/>, <see cref="SyncSchedule"/>).
/// Every change is written before other grains learn of it (the connection's events with it, <see cref="ConnectionEvents"/>),
/// a write that fails leaves memory as storage is, and no turn waits on Microsoft longer than <see cref="SyncOptions.TurnBudget"/>.
/// </summary>
public sealed class OutlookIntegrationGrain(
    [PersistentState("outlook-integration", StorageNames.Default)] IPersistentState<OutlookIntegrationState> state,
    IOutlookIdentity identity,
    IOutlookGraph graph,
    IOptions<OutlookOptions> options,
    IOptions<SyncOptions> syncOptions,
    IOptions<WebhookOptions> webhookOptions,
    ISecretProtector secrets,
    WakeUpRegistration wakeUps,
    TimeProvider clock,
    ILogger<OutlookIntegrationGrain> logger) : Grain, IOutlookIntegrationGrain, IRemindable
{
    /// <summary>The kind under which integrations register for wake-up after a restart.</summary>
    public const string WakeUpKind = "outlook-integration";

    /// <summary>The reminder that wakes a deactivated integration (durable on PostgreSQL).</summary>
    public const string ReminderName = "outlook-sync";

    private readonly ConnectFlow _connect = new(identity, secrets, clock, options.Value);
    private readonly TokenSession _tokens = new(identity, secrets, clock, logger);
    private readonly CalendarPuller _puller = new(syncOptions.Value, clock, logger);
    private readonly SubscriptionPlanner _planner = new(webhookOptions.Value, syncOptions.Value, clock, logger);
    private readonly SyncSchedule _schedule = new(clock);
    private readonly AccountHold _hold = new();
    private PushEngine? _pushes;
    private IntegrationPeers? _peers;
    private IGrainTimer? _tick;
    private bool _ticking;
    private IntegrationWakeUps? _wakeUps;
    private ConnectionEvents? _events;
    private EventRecorder? _recorder;

    private string Key => this.GetPrimaryKeyString();

    private OutlookIntegrationState S => state.State;

    private PushEngine Pushes => _pushes ??= new PushEngine(Key, syncOptions.Value, clock, logger);

    private IntegrationPeers Peers => _peers ??= new IntegrationPeers(GrainFactory, Key);

    private ConnectionEvents Events => _events ??= new ConnectionEvents(Key, clock);

    private EventRecorder Recorder => _recorder ??= new EventRecorder(GrainFactory, GrainKeys.Split(Key).SubAccountId);

    private IntegrationWakeUps WakeUps => _wakeUps ??= new IntegrationWakeUps(this, wakeUps, Key, syncOptions.Value.Interval);

    private bool Connected => S.Exists && S.Status == ConnectionStatus.Connected;

    /// <summary>A connection, or the leftovers of a removed one still to undo.</summary>
    private bool HasWork => S.Exists || ConnectionRecord.HasLeftovers(S);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Loaded();
        if (HasWork)
        {
            // The next poll is one period after the last sync, not at once: a silo restart or a failover then does
            // not send every integration it wakes to Graph in the same second.
            _schedule.Polled(S.LastSyncAt ?? DateTimeOffset.MinValue);
            await KeepSyncingAsync();
        }
    }

    public async Task<ConnectStart> BeginConnectAsync(OutlookAccessLevel access, Uri redirectUri, Uri? returnUrl)
    {
        if (Connected)
        {
            throw CalendarException.Conflict(ErrorCodes.IntegrationExists, "This user already has a connected Outlook integration in this sub-account.");
        }

        var (subAccountId, userId) = GrainKeys.Split(Key);
        var (stateValue, pending, url) = _connect.Begin(subAccountId, userId, access, redirectUri, returnUrl, S.Exists ? S.Email : null);
        await GrainFactory.GetGrain<IOAuthStateGrain>(stateValue).StoreAsync(pending);
        return new ConnectStart(url, pending.ExpiresAt);
    }

    public async Task<OutlookConnectionDetails> CompleteConnectAsync(string code, PendingAuthorization authorization)
    {
        TokenGrant grant;
        OutlookAccount account;
        using (var turn = NewTurn())
        {
            grant = await _connect.RedeemAsync(code, authorization, turn.Token);
            account = await ConnectFlow.ForRequestAsync(() => graph.GetAccountAsync(Key, _ => Task.FromResult(grant.AccessToken), turn.Token));
        }

        await InTurnAsync((steps, _) => steps.ConnectAsync(account, grant));
        logger.LogDebug("Outlook connected for {Integration} with {Access} access", Key, S.Access);
        _schedule.RequestSync();
        await KeepSyncingAsync();
        return Details();
    }

    public Task<OutlookConnectionDetails?> GetAsync() => Task.FromResult(S.Exists ? Details() : null);

    public Task<bool> HoldsAccountAsync(string accountId) => Task.FromResult(_hold.Holds(accountId, S));

    public Task<EventFate> GetEventFateAsync(long sequence) => Task.FromResult(Recorder.FateOf(sequence, S.EventSequence));

    public Task<IReadOnlyList<OutlookCalendarInfo>> ListCalendarsAsync()
    {
        EnsureExists();
        return InTurnAsync((steps, _) => steps.LiveCalendarsAsync(), interactive: true);
    }

    public async Task<OutlookConnectionDetails> ConfigureAsync(OutlookConfiguration configuration)
    {
        EnsureExists();
        await InTurnAsync((steps, _) => steps.ConfigureAsync(configuration), interactive: true);
        _schedule.RequestSync();
        Reschedule();
        return Details();
    }

    public async Task DisconnectAsync()
    {
        if (S.Exists)
        {
            await InTurnAsync((steps, _) => steps.RemoveAsync(ConnectionSteps.Disconnected, announce: true));
        }
        else if (ConnectionRecord.HasLeftovers(S))
        {
            // A disconnect that failed half-way: its retry completes it.
            await UndoLeftoversAsync(ConnectionSteps.Disconnected);
        }
        else
        {
            throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        }

        await StopSyncingAsync();
        logger.LogDebug("Outlook disconnected for {Integration}", Key);
    }

    public Task RequestSyncAsync()
    {
        EnsureExists();
        if (S.Status != ConnectionStatus.Connected)
        {
            throw TokenSession.NeedsReconnectError(S);
        }

        _schedule.RequestSync();
        Reschedule();
        return Task.CompletedTask;
    }

    public Task WakeAsync() => HasWork ? Task.CompletedTask : StopSyncingAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!HasWork)
        {
            return StopSyncingAsync();
        }

        Reschedule();
        return Task.CompletedTask;
    }

    public Task<bool> WillPushAsync() => Task.FromResult(PushEngine.WillPush(S));

    public async Task EnqueuePushAsync(AppointmentPush push)
    {
        switch (Pushes.Enqueue(S, push))
        {
            case PushOutcome.NotApplicable:
                Peers.Report(Pushes.NotApplicable(push.AppointmentId));
                break;
            case PushOutcome.Queued:
                await PersistAsync(onFailure: _schedule.OweReconcile);
                Reschedule();
                break;
        }
    }

    public async Task RefuseOutlookChangeAsync(string appointmentId, string reason)
    {
        if (Pushes.Refuse(S, appointmentId, reason) is { } report)
        {
            await PersistAsync();
            Peers.Report(report);
        }
    }

    public Task NotifyChangedAsync(string calendarId, string subscriptionId)
    {
        if (CurrentSubscription(calendarId, subscriptionId) is { } record)
        {
            // Shown in the connection; stored with the next write.
            record.LastNotificationAt = clock.GetUtcNow();
            _schedule.QueuePull(calendarId, webhookOptions.Value.CoalesceWindow);
            Reschedule();
        }

        return Task.CompletedTask;
    }

    public async Task HandleLifecycleAsync(string calendarId, string subscriptionId, string lifecycleEvent)
    {
        if (CurrentSubscription(calendarId, subscriptionId) is { } record
            && await InTurnAsync((_, sync) => sync.LifecycleAsync(record, subscriptionId, lifecycleEvent, calendarId)))
        {
            logger.LogInformation("Graph lifecycle event {LifecycleEvent} for a subscription of {Integration}", lifecycleEvent, Key);
            Reschedule();
        }
    }

    private Task UndoLeftoversAsync(string reason) => InTurnAsync((steps, _) => steps.UndoLeftoversAsync(reason));

    /// <summary>Runs steps for an API call, within a turn budget of their own.</summary>
    private async Task InTurnAsync(Func<ConnectionSteps, SyncSteps, Task> run, bool interactive = false)
    {
        using var turn = NewTurn();
        var (steps, sync) = Steps(Session(turn, interactive));
        await run(steps, sync);
    }

    private async Task<T> InTurnAsync<T>(Func<ConnectionSteps, SyncSteps, Task<T>> run, bool interactive = false)
    {
        using var turn = NewTurn();
        var (steps, sync) = Steps(Session(turn, interactive));
        return await run(steps, sync);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        _ticking = true;
        using var turn = NewTurn();
        var session = Session(turn, interactive: false);
        try
        {
            if (!_schedule.StorageTrusted)
            {
                // Storage refused the last write: nothing reaches Graph before it takes one again.
                await PersistAsync();
            }

            if (!WakeUps.Registered)
            {
                await WakeUps.RegisterAsync();
            }

            var (steps, sync) = Steps(session);
            if (ConnectionRecord.HasLeftovers(S))
            {
                await steps.UndoLeftoversAsync(ConnectionSteps.Disconnected);
            }
            else
            {
                await sync.RunAsync();
                await steps.UnpublishStaleCalendarsAsync();
            }

            _schedule.TurnSucceeded();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _schedule.TurnFailed();
            logger.LogWarning(e, "Outlook sync of {Integration} failed; trying again after a pause", Key);
        }
        finally
        {
            _schedule.Throttled(session.NotBefore);
            _ticking = false;
            Reschedule();
        }
    }

    /// <summary>
    /// Timer, reminder and wake-up registration for an integration with work; idempotent. A registration that fails
    /// does not fail the call that got here: the timer tries it again.
    /// </summary>
    private async Task KeepSyncingAsync()
    {
        try
        {
            await WakeUps.RegisterAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Registering {Integration} for wake-up failed; trying again shortly", Key);
        }

        Reschedule();
    }

    private async Task StopSyncingAsync()
    {
        _tick?.Dispose();
        _tick = null;
        await WakeUps.UnregisterAsync();
    }

    /// <summary>Points the timer at the next thing due; none while nothing is (a connection that needs a reconnect waits for it).</summary>
    private void Reschedule()
    {
        if (_ticking)
        {
            return;
        }

        var watched = CalendarChoice.Watched(S);
        var now = clock.GetUtcNow();
        var next = _schedule.NextAt(
            Connected,
            ConnectionRecord.HasLeftovers(S) || (!WakeUps.Registered && S.Exists),
            _planner.PollingPeriod(S, watched, now),
            _planner.NextWorkAt(S, watched),
            PushEngine.NextAttemptAt(S));
        if (next is not { } due)
        {
            _tick?.Dispose();
            _tick = null;
            return;
        }

        var wait = due > now ? due - now : TimeSpan.Zero;
        if (_tick is null)
        {
            _tick = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _tick.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Writes the state; a failed write leaves memory as storage is (and is thrown), a lost answer counts as written.
    /// A push whose write failed is lost with it: <paramref name="onFailure"/> owes the reconcile that makes it up.
    /// </summary>
    private async Task PersistAsync(Action? onFailure = null)
    {
        var attempt = await TryPersistAsync();
        if (!attempt.Stored)
        {
            onFailure?.Invoke();
            Reschedule();
        }

        attempt.ThrowIfNotStored();
    }

    /// <summary>Writes the state with <paramref name="event"/>, or with the needs-reconnect event when this write first stores that status.</summary>
    private async Task<WriteAttempt> TryPersistAsync(CalendarEvent? @event = null)
    {
        @event ??= Events.NewlyNeedsReconnect(S) ? NewEvent(EventTypes.ConnectionNeedsReconnect) : null;
        var attempt = await Recorder.WriteAsync(@event, state, this, Loaded);
        _schedule.StorageTrusted = attempt.Stored;
        if (attempt.Stored)
        {
            Stored();
        }

        return attempt;
    }

    private CalendarEvent NewEvent(string type) => Events.Next(S, type, Details());

    /// <summary>After the state was read from storage: earlier stored forms moved over, the held account known.</summary>
    private void Loaded()
    {
        foreach (var record in S.Calendars.Values)
        {
            record.CompactAfterRead();
        }

        Stored();
    }

    /// <summary>What storage holds now that matters between writes: the held account and the connection's status.</summary>
    private void Stored()
    {
        _hold.Stored = ConnectionRecord.HeldAccount(S);
        Events.Stored(S);
    }

    private GraphTurn NewTurn() => new(syncOptions.Value.TurnBudget, clock);

    private GraphSession Session(GraphTurn turn, bool interactive) => new(graph, _tokens, () => S, Key, turn, clock, interactive);

    private (ConnectionSteps Connection, SyncSteps Sync) Steps(GraphSession session)
    {
        var sync = new SyncSteps(session, () => TryPersistAsync(), Peers, _puller, Pushes, _planner, _schedule, clock, logger);
        return (new ConnectionSteps(session, TryPersistAsync, NewEvent, ClearAsync, sync, Peers, _hold, _tokens, _puller, Pushes, clock, logger), sync);
    }

    /// <summary>
    /// Empties the state of a removed connection whose leftovers are undone. Written empty rather than cleared: the
    /// event sequence outlives the connection, so a later connection's events do not reuse its numbers.
    /// </summary>
    private async Task ClearAsync()
    {
        state.State = new OutlookIntegrationState { EventSequence = S.EventSequence };
        (await TryPersistAsync()).ThrowIfNotStored();
    }

    private void EnsureExists()
    {
        if (!S.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        }
    }

    /// <summary>The calendar's record when the notification is about its current subscription of a working connection.</summary>
    private SubscriptionRecord? CurrentSubscription(string calendarId, string subscriptionId) =>
        Connected && S.Subscriptions.TryGetValue(calendarId, out var record) && record.SubscriptionId == subscriptionId ? record : null;

    private OutlookConnectionDetails Details() => ConnectionView.Details(S, _planner, _schedule.Syncing(Connected), clock.GetUtcNow());
}
