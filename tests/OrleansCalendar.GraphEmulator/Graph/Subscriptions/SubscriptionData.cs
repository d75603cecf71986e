using System.Collections.Immutable;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>A change notification subscription. A null <see cref="CalendarId"/> watches every calendar of the mailbox.</summary>
internal sealed record SubscriptionData(
    string Id,
    string MailboxId,
    string ApplicationId,
    string Resource,
    string? CalendarId,
    ImmutableArray<string> ChangeTypes,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    string LatestSupportedTlsVersion,
    DateTimeOffset ExpirationDateTime)
{
    /// <summary>A paused subscription stays valid but sends no change notifications (lost notifications, on demand).</summary>
    public bool Paused { get; init; }

    public string ChangeType => string.Join(',', ChangeTypes);
}
