using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Grains.Webhooks;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// Webhooks: one Graph subscription per pulled calendar, created and renewed on the grain's timer, dropped when the
/// calendar leaves the configuration or the connection goes. Notifications queue an incremental pull of their
/// calendar; a burst within <see cref="WebhookOptions.CoalesceWindow"/> causes one delta run.
/// </summary>
public sealed partial class OutlookIntegrationGrain
{
    /// <summary>Calendars notified since the last pull of them, due together at <see cref="_pendingPullsAt"/>.</summary>
    private readonly HashSet<string> _pendingPulls = new(StringComparer.Ordinal);
    private DateTimeOffset _pendingPullsAt;

    public Task NotifyChangedAsync(string calendarId, string subscriptionId)
    {
        if (CurrentSubscription(calendarId, subscriptionId) is { } record)
        {
            record.LastNotificationAt = clock.GetUtcNow();
            QueuePull(calendarId, Hooks.CoalesceWindow);
        }

        return Task.CompletedTask;
    }

    public async Task HandleLifecycleAsync(string calendarId, string subscriptionId, string lifecycleEvent)
    {
        if (CurrentSubscription(calendarId, subscriptionId) is not { } record)
        {
            return;
        }

        logger.LogInformation("Graph lifecycle event {LifecycleEvent} for a subscription of {Integration}", lifecycleEvent, Key);
        switch (lifecycleEvent)
        {
            case LifecycleEvents.ReauthorizationRequired:
                record.RenewNow = true;
                record.NextAttemptAt = default;
                break;
            case LifecycleEvents.SubscriptionRemoved:
                // Graph dropped it: make a new one, and catch up on what may have changed meanwhile.
                await SubscriptionIndex(subscriptionId).RemoveAsync();
                record.SubscriptionId = null;
                record.NextAttemptAt = default;
                record.LastError = "Graph removed the subscription; creating a new one.";
                QueuePull(calendarId, TimeSpan.Zero);
                break;
            case LifecycleEvents.Missed:
                QueuePull(calendarId, TimeSpan.Zero);
                break;
            default:
                return;
        }

        await state.WriteStateAsync();
        Reschedule();
    }

    /// <summary>The calendar's record when the notification is about its current subscription of a working connection.</summary>
    private SubscriptionRecord? CurrentSubscription(string calendarId, string subscriptionId) =>
        S.Exists && S.Status == ConnectionStatus.Connected
        && S.Subscriptions.TryGetValue(calendarId, out var record) && record.SubscriptionId == subscriptionId
            ? record
            : null;

    private void QueuePull(string calendarId, TimeSpan delay)
    {
        var due = clock.GetUtcNow() + delay;
        if (_pendingPulls.Count == 0 || due < _pendingPullsAt)
        {
            _pendingPullsAt = due;
        }

        _pendingPulls.Add(calendarId);
        Reschedule();
    }

    /// <summary>Whether every pulled calendar has a live subscription (then polling is only a safety net).</summary>
    private bool WebhooksHealthy(DateTimeOffset now) =>
        Hooks.IsOn && PulledCalendars().All(c => S.Subscriptions.TryGetValue(c, out var record) && record.IsLive(now) && record.LastError is null);

    private OutlookWebhookState? WebhookState(string calendarId)
    {
        if (!Hooks.IsOn || !PulledCalendars().Contains(calendarId))
        {
            return null;
        }

        if (!S.Subscriptions.TryGetValue(calendarId, out var record))
        {
            return new OutlookWebhookState("pending", null, null, null, null);
        }

        var live = record.IsLive(clock.GetUtcNow());
        var stateName = live && !record.RenewNow && record.LastError is null ? "active"
            : record.Attempts > 0 ? "failed"
            : "pending";
        return new OutlookWebhookState(stateName, live ? record.SubscriptionId : null, live ? record.ExpiresAt : null, record.LastNotificationAt, record.LastError);
    }

    /// <summary>When subscription work is next due (a create, a renewal, a drop), or null when there is none.</summary>
    private DateTimeOffset? NextSubscriptionWorkAt()
    {
        var pulled = Hooks.IsOn ? PulledCalendars() : [];
        if (S.Subscriptions.Keys.Any(c => !pulled.Contains(c)) || pulled.Any(c => !S.Subscriptions.ContainsKey(c)))
        {
            return clock.GetUtcNow();
        }

        return S.Subscriptions.Count == 0 ? null : S.Subscriptions.Values.Min(DueAt);
    }

    private static DateTimeOffset DueAt(SubscriptionRecord record) =>
        record.SubscriptionId is null || record.RenewNow || record.RenewAt < record.NextAttemptAt ? record.NextAttemptAt : record.RenewAt;

    /// <summary>
    /// Brings the subscriptions in line with the pulled calendars: drops those of calendars no longer pulled (or of an
    /// old public URL), creates missing ones, renews those past half their life. Failures are kept per calendar and
    /// retried with backoff; polling covers a calendar without a subscription.
    /// </summary>
    private async Task MaintainSubscriptionsAsync(CancellationToken cancellationToken)
    {
        var pulled = Hooks.IsOn ? PulledCalendars() : [];
        var url = Hooks.IsOn ? Hooks.NotificationUrl.ToString() : "";
        var changed = false;
        foreach (var (calendarId, record) in S.Subscriptions.ToList())
        {
            var stale = record.SubscriptionId is not null && record.NotificationUrl != url;
            if (!pulled.Contains(calendarId) || stale)
            {
                await DropSubscriptionAsync(record, cancellationToken);
                S.Subscriptions.Remove(calendarId);
                changed = true;
            }
        }

        var now = clock.GetUtcNow();
        foreach (var calendarId in pulled)
        {
            if (!S.Subscriptions.TryGetValue(calendarId, out var record))
            {
                record = S.Subscriptions[calendarId] = new SubscriptionRecord();
            }
            else if (DueAt(record) > now)
            {
                continue;
            }

            changed = true;
            try
            {
                if (record.SubscriptionId is null || record.ExpiresAt <= now)
                {
                    await SubscribeAsync(calendarId, record, cancellationToken);
                }
                else
                {
                    await RenewAsync(calendarId, record, cancellationToken);
                }
            }
            catch (CalendarException e) when (e.Code == ErrorCodes.NeedsReconnect)
            {
                break;
            }
            catch (Exception e) when (e is OutlookGraphException or CalendarException)
            {
                record.Attempts++;
                record.LastError = "Subscribing to Outlook changes failed: " + e.Message;
                record.NextAttemptAt = now + PushDrafts.Backoff(record.Attempts, Sync.PushRetryDelay, Sync.MaxPushRetryDelay, (e as OutlookGraphException)?.RetryAfter);
                logger.LogWarning("Subscribing to an Outlook calendar of {Integration} failed (attempt {Attempts}): {Error}", Key, record.Attempts, e.Message);
            }
        }

        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A new subscription with a new random clientState; only its hash is kept (in the index grain). The calendar is
    /// pulled right after, which covers changes made before Graph started notifying.
    /// </summary>
    private async Task SubscribeAsync(string calendarId, SubscriptionRecord record, CancellationToken cancellationToken)
    {
        if (record.SubscriptionId is { } expired)
        {
            await SubscriptionIndex(expired).RemoveAsync();
            record.SubscriptionId = null;
        }

        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var request = new OutlookSubscriptionRequest(calendarId, Hooks.NotificationUrl, Hooks.LifecycleUrl, clock.GetUtcNow() + Hooks.SubscriptionLifetime, clientState);
        var subscription = await CallGraphRawAsync(token => graph.CreateSubscriptionAsync(Key, token, request, cancellationToken));
        try
        {
            await SubscriptionIndex(subscription.Id).RegisterAsync(new SubscriptionTarget(Key, calendarId, OutlookSubscriptionGrain.Hash(clientState)));
        }
        catch
        {
            // Without its index entry every notification would be dropped: do not leave it behind at Graph.
            await DeleteAtGraphAsync(subscription.Id, cancellationToken);
            throw;
        }

        Confirmed(record, subscription);
        record.NotificationUrl = Hooks.NotificationUrl.ToString();
        QueuePull(calendarId, TimeSpan.Zero);
        logger.LogDebug("Subscribed to changes of an Outlook calendar of {Integration} until {ExpiresAt}", Key, subscription.ExpiresAt);
    }

    /// <summary>Moves the expiry forward; after <c>reauthorizationRequired</c> with a freshly refreshed token. Gone at Graph: subscribe again.</summary>
    private async Task RenewAsync(string calendarId, SubscriptionRecord record, CancellationToken cancellationToken)
    {
        if (record.RenewNow)
        {
            S.AccessTokenExpiresAt = clock.GetUtcNow();
        }

        var subscriptionId = record.SubscriptionId!;
        var expiresAt = clock.GetUtcNow() + Hooks.SubscriptionLifetime;
        var renewed = await CallGraphRawAsync(token => graph.RenewSubscriptionAsync(Key, token, subscriptionId, expiresAt, cancellationToken));
        if (renewed is null)
        {
            logger.LogInformation("A subscription of {Integration} is gone at Graph; subscribing again", Key);
            await SubscribeAsync(calendarId, record, cancellationToken);
            return;
        }

        Confirmed(record, renewed);
    }

    private void Confirmed(SubscriptionRecord record, OutlookSubscription subscription)
    {
        var now = clock.GetUtcNow();
        var halfLife = (subscription.ExpiresAt - now) / 2;
        record.SubscriptionId = subscription.Id;
        record.ExpiresAt = subscription.ExpiresAt;
        record.RenewAt = now + (halfLife < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : halfLife);
        record.RenewNow = false;
        record.Attempts = 0;
        record.NextAttemptAt = default;
        record.LastError = null;
    }

    /// <summary>Stops routing the subscription's notifications, then deletes it at Graph (best effort: it lapses anyway).</summary>
    private async Task DropSubscriptionAsync(SubscriptionRecord record, CancellationToken cancellationToken)
    {
        if (record.SubscriptionId is not { } subscriptionId)
        {
            return;
        }

        await SubscriptionIndex(subscriptionId).RemoveAsync();
        record.SubscriptionId = null;
        await DeleteAtGraphAsync(subscriptionId, cancellationToken);
    }

    private async Task DeleteAtGraphAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await CallGraphRawAsync(async token =>
            {
                await graph.DeleteSubscriptionAsync(Key, token, subscriptionId, cancellationToken);
                return true;
            });
        }
        catch (Exception e) when (e is OutlookGraphException or CalendarException)
        {
            logger.LogWarning("Deleting a Graph subscription of {Integration} failed; it lapses at its expiry: {Error}", Key, e.Message);
        }
    }

    private IOutlookSubscriptionGrain SubscriptionIndex(string subscriptionId) => GrainFactory.GetGrain<IOutlookSubscriptionGrain>(subscriptionId);
}
