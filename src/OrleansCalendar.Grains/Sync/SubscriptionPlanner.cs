using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Webhooks: one Graph subscription per watched calendar. Decides which subscriptions to drop (calendar no longer
/// watched, or made for another public URL), which to create and which to renew (half-way through their confirmed
/// lifetime, or at once after <c>reauthorizationRequired</c>), keeps failures per calendar with backoff, and says
/// whether polling may slow to the safety net. The subscription's index entry is the caller's to keep.
/// </summary>
internal sealed class SubscriptionPlanner(WebhookOptions hooks, SyncOptions sync, TimeProvider clock, ILogger logger)
{
    /// <summary>Whether webhooks run (a public URL is known and they are not turned off).</summary>
    public bool IsOn => hooks.IsOn;

    /// <summary>The calendars that should have a subscription: none while webhooks are off.</summary>
    public IReadOnlyList<string> Wanted(IReadOnlyList<string> watched) => hooks.IsOn ? watched : [];

    /// <summary>Calendars whose subscription is to go: no longer wanted, or made for another notification URL.</summary>
    public IReadOnlyList<string> ToDrop(OutlookIntegrationState state, IReadOnlyList<string> watched)
    {
        var wanted = Wanted(watched);
        var url = hooks.IsOn ? hooks.NotificationUrl.ToString() : "";
        return [.. state.Subscriptions
            .Where(s => !wanted.Contains(s.Key) || (s.Value.SubscriptionId is not null && s.Value.NotificationUrl != url))
            .Select(s => s.Key)];
    }

    /// <summary>Wanted calendars whose subscription is to be created or renewed now; new ones get their record here.</summary>
    public IReadOnlyList<string> Due(OutlookIntegrationState state, IReadOnlyList<string> watched, DateTimeOffset now)
    {
        var due = new List<string>();
        foreach (var calendarId in Wanted(watched))
        {
            if (!state.Subscriptions.TryGetValue(calendarId, out var record))
            {
                state.Subscriptions[calendarId] = new SubscriptionRecord();
                due.Add(calendarId);
            }
            else if (DueAt(record) <= now)
            {
                due.Add(calendarId);
            }
        }

        return due;
    }

    /// <summary>When subscription work is next due (a drop, a create, a renewal), or null when there is none.</summary>
    public DateTimeOffset? NextWorkAt(OutlookIntegrationState state, IReadOnlyList<string> watched)
    {
        var wanted = Wanted(watched);
        if (ToDrop(state, watched).Count > 0 || wanted.Any(c => !state.Subscriptions.ContainsKey(c)))
        {
            return clock.GetUtcNow();
        }

        return state.Subscriptions.Count == 0 ? null : state.Subscriptions.Values.Min(DueAt);
    }

    /// <summary>Whether every watched calendar has a live subscription (then polling is only a safety net).</summary>
    public bool Healthy(OutlookIntegrationState state, IReadOnlyList<string> watched, DateTimeOffset now) =>
        hooks.IsOn && watched.All(c => state.Subscriptions.TryGetValue(c, out var record) && record.IsLive(now) && record.LastError is null);

    /// <summary>The polling period: the safety-net period while webhooks are healthy, else the normal one.</summary>
    public TimeSpan PollingPeriod(OutlookIntegrationState state, IReadOnlyList<string> watched, DateTimeOffset now) =>
        Healthy(state, watched, now) && hooks.SafetyNetInterval > sync.Interval ? hooks.SafetyNetInterval : sync.Interval;

    /// <summary>The calendar's subscription as the connection shows it; null when webhooks are off or it is not watched.</summary>
    public OutlookWebhookState? View(OutlookIntegrationState state, IReadOnlyList<string> watched, string calendarId, DateTimeOffset now)
    {
        if (!hooks.IsOn || !watched.Contains(calendarId))
        {
            return null;
        }

        if (!state.Subscriptions.TryGetValue(calendarId, out var record))
        {
            return new OutlookWebhookState("pending", null, null, null, null);
        }

        var live = record.IsLive(now);
        var stateName = live && !record.RenewNow && record.LastError is null ? "active"
            : record.Attempts > 0 ? "failed"
            : "pending";
        return new OutlookWebhookState(stateName, live ? record.SubscriptionId : null, live ? record.ExpiresAt : null, record.LastNotificationAt, record.LastError);
    }

    /// <summary>Whether the record needs a new subscription rather than a renewal.</summary>
    public static bool NeedsNew(SubscriptionRecord record, DateTimeOffset now) => record.SubscriptionId is null || record.ExpiresAt <= now;

    /// <summary>
    /// A new subscription with a new random clientState, sent to Graph once: only its hash is returned, for the
    /// index. Graph validates the notification URLs before it answers.
    /// </summary>
    public async Task<(OutlookSubscription Subscription, byte[] ClientStateHash)> CreateAsync(GraphSession session, string calendarId)
    {
        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var request = new OutlookSubscriptionRequest(calendarId, hooks.NotificationUrl, hooks.LifecycleUrl, clock.GetUtcNow() + hooks.SubscriptionLifetime, clientState);
        var subscription = await session.CreateSubscriptionAsync(request);
        logger.LogDebug("Subscribed to changes of an Outlook calendar until {ExpiresAt}", subscription.ExpiresAt);
        return (subscription, Webhooks.ClientStateHash.Of(clientState));
    }

    /// <summary>Moves the expiry forward (after <c>reauthorizationRequired</c> with a fresh token); null when Graph lost it.</summary>
    public async Task<OutlookSubscription?> RenewAsync(GraphSession session, SubscriptionRecord record)
    {
        if (record.RenewNow)
        {
            session.RefreshFirst();
        }

        var renewed = await session.RenewSubscriptionAsync(record.SubscriptionId!, clock.GetUtcNow() + hooks.SubscriptionLifetime);
        if (renewed is null)
        {
            logger.LogInformation("A subscription is gone at Graph; subscribing again");
        }

        return renewed;
    }

    /// <summary>Graph confirmed the subscription: renew it half-way through the lifetime Graph granted.</summary>
    public void Confirmed(SubscriptionRecord record, OutlookSubscription subscription)
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
        record.NotificationUrl = hooks.NotificationUrl.ToString();
    }

    /// <summary>A create or renewal failed: kept on the calendar and tried again with the push backoff.</summary>
    public void Failed(SubscriptionRecord record, Exception failure)
    {
        record.Attempts++;
        record.LastError = "Subscribing to Outlook changes failed: " + failure.Message;
        var retryAfter = (failure as OutlookGraphException)?.RetryAfter;
        record.NextAttemptAt = clock.GetUtcNow() + PushDrafts.Backoff(record.Attempts, sync.PushRetryDelay, sync.MaxPushRetryDelay, retryAfter);
        logger.LogWarning("Subscribing to an Outlook calendar failed (attempt {Attempts}): {Error}", record.Attempts, failure.Message);
    }

    /// <summary>
    /// A verified lifecycle event for the record's current subscription: what it changes on the record, and whether
    /// the calendar is to be pulled at once. False for events that mean nothing here.
    /// </summary>
    public static bool Lifecycle(SubscriptionRecord record, string lifecycleEvent, out bool pullNow)
    {
        pullNow = lifecycleEvent is LifecycleEvents.SubscriptionRemoved or LifecycleEvents.Missed;
        switch (lifecycleEvent)
        {
            case LifecycleEvents.ReauthorizationRequired:
                record.RenewNow = true;
                record.NextAttemptAt = default;
                return true;
            case LifecycleEvents.SubscriptionRemoved:
                // Graph dropped it: a new one is made at once, and the calendar catches up on what changed meanwhile.
                record.SubscriptionId = null;
                record.NextAttemptAt = default;
                record.LastError = "Graph removed the subscription; creating a new one.";
                return true;
            case LifecycleEvents.Missed:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Deletes a subscription at Graph, best effort: one that cannot be deleted lapses at its expiry.</summary>
    public async Task DeleteAtGraphAsync(GraphSession session, string subscriptionId)
    {
        try
        {
            await session.DeleteSubscriptionAsync(subscriptionId);
        }
        catch (Exception e) when (e is OutlookGraphException or CalendarException)
        {
            logger.LogWarning("Deleting a Graph subscription failed; it lapses at its expiry: {Error}", e.Message);
        }
    }

    private static DateTimeOffset DueAt(SubscriptionRecord record) =>
        record.SubscriptionId is null || record.RenewNow || record.RenewAt < record.NextAttemptAt ? record.NextAttemptAt : record.RenewAt;
}
