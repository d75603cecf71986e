namespace OrleansCalendar.Abstractions.Webhooks;

/// <summary>What became of a notification (the webhook metrics count by this).</summary>
public enum NotificationOutcome
{
    Accepted,

    /// <summary>No subscription of ours has this id (deleted, never ours, or a forgery).</summary>
    UnknownSubscription,

    /// <summary>The clientState does not match the subscription's: dropped.</summary>
    WrongClientState,
}
