using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Grains.WakeUp;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// A user's Outlook integration (<c>{subAccountId}/{userId}</c>): the connection's API calls, and a timer that runs
/// what is due (<see cref="IntegrationSteps"/>). The grain schedules and stores; plain classes decide (<see cref="TokenSession"/>,
/// <see cref="CalendarPuller"/>, <see cref="PushEngine"/>, <see cref="SubscriptionPlanner"/>, <see cref="SyncSchedule"/>).
/// Every change is written before other grains learn of it, a write that fails leaves memory as storage is, and no
/// turn waits on Microsoft longer than <see cref="SyncOptions.TurnBudget"/>.
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
    private PushEngine? _pushes;
    private IntegrationPeers? _peers;
    private IGrainTimer? _tick;
    private bool _ticking;
    private bool _registered;

    private readonly AccountHold _hold = new();

    private string Key => this.GetPrimaryKeyString();

    private OutlookIntegrationState S => state.State;

    private PushEngine Pushes => _pushes ??= new PushEngine(Key, syncOptions.Value, clock, logger);

    private IntegrationPeers Peers => _peers ??= new IntegrationPeers(GrainFactory, Key);

    private bool Connected => S.Exists && S.Status == ConnectionStatus.Connected;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Loaded();
        if (S.Exists || ConnectionRecord.HasLeftovers(S))
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

        await InTurnAsync(steps => steps.ConnectAsync(account, grant));
        logger.LogInformation("Outlook connected for {Integration} with {Access} access", Key, S.Access);
        _schedule.RequestSync();
        await KeepSyncingAsync();
        return Details();
    }

    public Task<OutlookConnectionDetails?> GetAsync() => Task.FromResult(S.Exists ? Details() : null);

    public Task<bool> HoldsAccountAsync(string accountId) =>
        Task.FromResult(_hold.Holds(accountId, S));

    public async Task<IReadOnlyList<OutlookCalendarInfo>> ListCalendarsAsync()
    {
        EnsureExists();
        using var turn = NewTurn();
        var session = Session(turn, interactive: true);
        IReadOnlyList<OutlookCalendar> calendars;
        try
        {
            calendars = await ConnectFlow.ForRequestAsync(session.ListCalendarsAsync);
        }
        finally
        {
            // Refreshed tokens, or a grant found dead, are kept whatever the answer.
            if (_tokens.TakeChanged())
            {
                await PersistAsync();
            }
        }

        return [.. calendars.Select(c => new OutlookCalendarInfo(c.Id, c.Name, c.CanEdit, c.IsDefault, c.Color, c.OwnerAddress ?? c.OwnerName))];
    }

    public async Task<OutlookConnectionDetails> ConfigureAsync(OutlookConfiguration configuration)
    {
        CalendarChoice.Validate(configuration, await ListCalendarsAsync(), S.Access);
        if (CalendarChoice.Apply(S, configuration))
        {
            _puller.Reset();
        }

        await PersistAsync();
        await InTurnAsync(steps => steps.UnpublishStaleCalendarsAsync());

        _schedule.RequestSync();
        Reschedule();
        return Details();
    }

    public async Task DisconnectAsync()
    {
        if (S.Exists)
        {
            await RemoveAsync(IntegrationSteps.Disconnected);
        }
        else if (ConnectionRecord.HasLeftovers(S))
        {
            // A disconnect that failed half-way: its retry completes it.
            await UndoLeftoversAsync(IntegrationSteps.Disconnected);
        }
        else
        {
            throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        }

        await StopSyncingAsync();
        logger.LogInformation("Outlook disconnected for {Integration}", Key);
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

    public Task WakeAsync() => S.Exists || ConnectionRecord.HasLeftovers(S) ? Task.CompletedTask : StopSyncingAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!S.Exists && !ConnectionRecord.HasLeftovers(S))
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
            && await InTurnAsync(steps => steps.LifecycleAsync(record, subscriptionId, lifecycleEvent, calendarId)))
        {
            logger.LogInformation("Graph lifecycle event {LifecycleEvent} for a subscription of {Integration}", lifecycleEvent, Key);
            Reschedule();
        }
    }

    private Task RemoveAsync(string reason) => InTurnAsync(steps => steps.RemoveAsync(reason));

    private Task UndoLeftoversAsync(string reason) => InTurnAsync(steps => steps.UndoLeftoversAsync(reason));

    /// <summary>Runs <see cref="IntegrationSteps"/> for an API call, within a turn budget of their own.</summary>
    private async Task InTurnAsync(Func<IntegrationSteps, Task> run)
    {
        using var turn = NewTurn();
        await run(Steps(Session(turn, interactive: false)));
    }

    private async Task<T> InTurnAsync<T>(Func<IntegrationSteps, Task<T>> run)
    {
        using var turn = NewTurn();
        return await run(Steps(Session(turn, interactive: false)));
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

            if (!_registered)
            {
                await RegisterAsync();
            }

            var steps = Steps(session);
            if (ConnectionRecord.HasLeftovers(S))
            {
                await steps.UndoLeftoversAsync(IntegrationSteps.Disconnected);
            }
            else
            {
                await steps.RunAsync();
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
            await RegisterAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Registering {Integration} for wake-up failed; trying again shortly", Key);
        }

        Reschedule();
    }

    private async Task RegisterAsync()
    {
        _registered = false;
        var period = syncOptions.Value.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : syncOptions.Value.Interval;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        await wakeUps.RegisterAsync(WakeUpKind, Key);
        _registered = true;
    }

    private async Task StopSyncingAsync()
    {
        _tick?.Dispose();
        _tick = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await wakeUps.UnregisterAsync(WakeUpKind, Key);
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
            ConnectionRecord.HasLeftovers(S) || (!_registered && S.Exists),
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

    private async Task<WriteAttempt> TryPersistAsync()
    {
        var attempt = await state.TryWriteAsync(this, Loaded);
        _schedule.StorageTrusted = attempt.Stored;
        if (attempt.Stored)
        {
            _hold.Stored = ConnectionRecord.HeldAccount(S);
        }

        return attempt;
    }

    /// <summary>After the state was read from storage: earlier stored forms moved over, the held account known.</summary>
    private void Loaded()
    {
        foreach (var record in S.Calendars.Values)
        {
            record.CompactAfterRead();
        }

        _hold.Stored = ConnectionRecord.HeldAccount(S);
    }

    private GraphTurn NewTurn() => new(syncOptions.Value.TurnBudget, clock);

    private GraphSession Session(GraphTurn turn, bool interactive) => new(graph, _tokens, () => S, Key, turn, clock, interactive);

    private IntegrationSteps Steps(GraphSession session) =>
        new(session, TryPersistAsync, ClearAsync, Peers, _hold, _tokens, _puller, Pushes, _planner, _schedule, clock, logger);

    /// <summary>Clears the state of a removed connection whose leftovers are undone.</summary>
    private async Task ClearAsync()
    {
        (await state.TryClearAsync(this, Loaded)).ThrowIfNotStored();
        state.State = new OutlookIntegrationState();
        Loaded();
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
