using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// The integration timer's work within one turn's Graph budget: keeping subscriptions (first: a new one queues a pull
/// of its calendar, which covers changes made before it), pulling the calendars that are due (a full cycle also
/// reconciles pushes), and pushing what is due. The plain classes decide; this class carries their decisions to the
/// other grains and stores each outcome before those grains hear of it. Two things go out first because a failed
/// write repeats them and they are safe to repeat: a calendar's busy time, and a two-way change for an appointment.
/// </summary>
internal sealed class SyncSteps(
    GraphSession session,
    Func<Task<WriteAttempt>> tryPersist,
    IntegrationPeers peers,
    CalendarPuller puller,
    PushEngine pushes,
    SubscriptionPlanner planner,
    SyncSchedule schedule,
    TimeProvider clock,
    ILogger logger)
{
    private OutlookIntegrationState S => session.State;

    private bool Connected => S.Exists && S.Status == ConnectionStatus.Connected;

    public async Task RunAsync()
    {
        if (!Connected || !schedule.GraphAllowed)
        {
            return;
        }

        await SubscriptionsAsync();
        await PullsAsync();
        await PushesAsync();
    }

    /// <summary>A verified lifecycle event for the calendar's current subscription; false when it means nothing here.</summary>
    public async Task<bool> LifecycleAsync(SubscriptionRecord record, string subscriptionId, string lifecycleEvent, string calendarId)
    {
        if (!SubscriptionPlanner.Lifecycle(record, lifecycleEvent, out var pullNow))
        {
            return false;
        }

        await PersistAsync();
        if (record.SubscriptionId is null)
        {
            await peers.ForgetSubscriptionAsync(subscriptionId);
        }

        if (pullNow)
        {
            schedule.QueuePull(calendarId, TimeSpan.Zero);
        }

        return true;
    }

    private async Task SubscriptionsAsync()
    {
        var watched = CalendarChoice.Watched(S);
        var dropped = planner.ToDrop(S, watched);
        foreach (var calendarId in dropped)
        {
            await DropSubscriptionAsync(calendarId);
        }

        var now = clock.GetUtcNow();
        var due = planner.Due(S, watched, now);
        var created = new List<string>();
        foreach (var calendarId in due.TakeWhile(_ => session.CanCall && Connected))
        {
            var record = S.Subscriptions[calendarId];
            try
            {
                var renewed = SubscriptionPlanner.NeedsNew(record, now) ? null : await planner.RenewAsync(session, record);
                if (renewed is null)
                {
                    created.Add(await SubscribeAsync(calendarId, record));
                }
                else
                {
                    planner.Confirmed(record, renewed);
                }
            }
            catch (Exception e) when (e is OutlookGraphException or CalendarException { Code: not ErrorCodes.NeedsReconnect })
            {
                planner.Failed(record, e);
            }
            catch (CalendarException)
            {
                // Needs a reconnect: nothing more reaches Graph until then; the status is stored below.
                break;
            }
        }

        if (dropped.Count == 0 && due.Count == 0)
        {
            return;
        }

        var stored = await tryPersist();
        if (stored.Outcome == WriteOutcome.NotStored)
        {
            // The state that knew the new subscriptions is gone: do not leave them behind at Graph.
            foreach (var subscriptionId in created)
            {
                await peers.ForgetSubscriptionAsync(subscriptionId);
                await planner.DeleteAtGraphAsync(session, subscriptionId);
            }
        }

        stored.ThrowIfNotStored();
    }

    /// <summary>A new subscription for the calendar, in the index before it is used; returns its id.</summary>
    private async Task<string> SubscribeAsync(string calendarId, SubscriptionRecord record)
    {
        if (record.SubscriptionId is { } gone)
        {
            await peers.ForgetSubscriptionAsync(gone);
            record.SubscriptionId = null;
        }

        var (subscription, clientStateHash) = await planner.CreateAsync(session, calendarId);
        try
        {
            await peers.IndexSubscriptionAsync(subscription.Id, calendarId, clientStateHash);
        }
        catch
        {
            // Without its index entry every notification would be dropped: do not leave it behind at Graph.
            await planner.DeleteAtGraphAsync(session, subscription.Id);
            throw;
        }

        planner.Confirmed(record, subscription);
        schedule.QueuePull(calendarId, TimeSpan.Zero);
        return subscription.Id;
    }

    /// <summary>Stops routing the subscription's notifications, then deletes it at Graph (best effort: it lapses anyway).</summary>
    public async Task DropSubscriptionAsync(string calendarId)
    {
        if (S.Subscriptions[calendarId].SubscriptionId is { } subscriptionId)
        {
            await peers.ForgetSubscriptionAsync(subscriptionId);
            if (session.CanCall)
            {
                await planner.DeleteAtGraphAsync(session, subscriptionId);
            }
        }

        S.Subscriptions.Remove(calendarId);
    }

    private async Task PullsAsync()
    {
        var watched = CalendarChoice.Watched(S);
        var due = schedule.DuePulls(watched, planner.PollingPeriod(S, watched, clock.GetUtcNow()));
        schedule.Running = true;
        try
        {
            foreach (var calendarId in due)
            {
                if (!session.CanCall || !Connected || !await PullAsync(calendarId))
                {
                    // Left for the next turn (budget spent, Graph asked to wait) or for after a reconnect.
                    return;
                }

                schedule.Pulled(calendarId);
            }

            if (schedule.TakeReconcile())
            {
                await ReconcileAsync();
            }
            else if (due.Count == 0)
            {
                return;
            }

            // The connection shows the first error among its calendars, and when a sync last had none.
            S.LastError = watched.Select(c => S.Calendars.GetValueOrDefault(c)?.LastError).FirstOrDefault(e => e is not null);
            if (S.LastError is null)
            {
                S.LastSyncAt = clock.GetUtcNow();
            }

            await PersistAsync();
        }
        finally
        {
            schedule.Running = false;
        }
    }

    /// <summary>One calendar; false when it is to be continued in a later turn.</summary>
    private async Task<bool> PullAsync(string calendarId)
    {
        try
        {
            if (await puller.PullAsync(session, calendarId) is not { } result)
            {
                return false;
            }

            var (changes, reports) = await pushes.FollowAsync(session, calendarId, result.OwnCopies);
            if (result.Publish is { } busy)
            {
                await peers.PublishAsync(calendarId, busy);
            }

            puller.Apply(S, result);
            foreach (var change in changes)
            {
                peers.Follow(change);
            }

            await PersistAsync();
            peers.Report(reports);
            return true;
        }
        catch (Exception e) when (e is OutlookGraphException or CalendarException)
        {
            // The busy time of the last complete round stays in force. Throttled: pulled again once Graph allows.
            CalendarPuller.Failed(S, calendarId, e.Message);
            await PersistAsync();
            return e is not OutlookGraphException { RetryAfter: not null };
        }
    }

    /// <summary>
    /// The safety net for one-way messages lost in a crash: appointments whose copy looks missing or out of date are
    /// asked how it should look. A failure here waits for the next full cycle.
    /// </summary>
    private async Task ReconcileAsync()
    {
        var now = clock.GetUtcNow();
        PushEngine.Prune(S, now);
        if (!PushEngine.WillPush(S) && S.Pushes.Count == 0)
        {
            return;
        }

        try
        {
            var reservations = await peers.ReservationsAsync(now, puller.Window().End);
            foreach (var appointmentId in PushEngine.Suspects(S, reservations, now))
            {
                if (await peers.PushOfAsync(appointmentId) is { } push && pushes.Enqueue(S, push) == PushOutcome.NotApplicable)
                {
                    peers.Report(pushes.NotApplicable(appointmentId));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Reconciling Outlook pushes failed; the next full sync tries again");
        }
    }

    private async Task PushesAsync()
    {
        foreach (var appointmentId in PushEngine.Due(S, clock.GetUtcNow()))
        {
            if (!session.CanCall || !Connected)
            {
                return;
            }

            var report = await pushes.PushAsync(session, appointmentId);
            await PersistAsync();
            if (report is not null)
            {
                peers.Report(report);
            }
        }
    }

    private async Task PersistAsync() => (await tryPersist()).ThrowIfNotStored();
}
