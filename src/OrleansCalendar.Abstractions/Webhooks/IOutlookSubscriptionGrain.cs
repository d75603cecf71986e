using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Webhooks;

/// <summary>
/// The index entry of one Graph subscription (key: the subscription id): which integration and calendar it watches
/// and a hash of its <c>clientState</c>. The webhook endpoint asks it to check and route each notification, so a
/// notification never needs more than this grain's memory to be accepted or dropped.
/// </summary>
public interface IOutlookSubscriptionGrain : IGrainWithStringKey
{
    Task RegisterAsync(SubscriptionTarget target);

    Task RemoveAsync();

    /// <summary>Checks the clientState (constant time) and, when it matches, tells the integration its calendar changed.</summary>
    [AlwaysInterleave]
    Task<NotificationOutcome> NotifyAsync(string? clientState, int notifications);

    /// <summary>Checks the clientState and hands a lifecycle event to the integration.</summary>
    [AlwaysInterleave]
    Task<NotificationOutcome> LifecycleAsync(string? clientState, string lifecycleEvent);
}
