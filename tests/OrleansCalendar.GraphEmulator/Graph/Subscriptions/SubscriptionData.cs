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
    public string ChangeType => string.Join(',', ChangeTypes);
}
