namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// The change-notification subscription of one Outlook calendar. <see cref="State"/>: <c>active</c>,
/// <c>pending</c> (being created, or renewed after Graph asked for it) or <c>failed</c> (retried with backoff;
/// polling covers the calendar meanwhile). The subscription's clientState is a secret and never shown.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutlookWebhookState(
    [property: Id(0)] string State,
    [property: Id(1)] string? SubscriptionId,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] DateTimeOffset? LastNotificationAt,
    [property: Id(4)] string? LastError);
