namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// What the integration's timer may have to wake for. <see cref="Connected"/>: Graph work may run at all (a
/// connection that needs a reconnect waits for it). <see cref="HousekeepingOwed"/>: leftovers of a removed connection
/// to undo, or a wake-up registration to try again. <see cref="GraphQuietUntil"/>: Graph's Retry-After for the
/// mailbox. <see cref="RetryAt"/>: after turns that failed (storage refusing writes), nothing runs before it.
/// </summary>
internal sealed record DueInputs(
    bool Connected,
    bool HousekeepingOwed,
    DateTimeOffset NextPollAt,
    DateTimeOffset? NextPullAt,
    DateTimeOffset? NextSubscriptionWorkAt,
    DateTimeOffset? NextPushAt,
    DateTimeOffset GraphQuietUntil,
    DateTimeOffset RetryAt);
