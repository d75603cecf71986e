namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>A change notification subscription as the control API shows it.</summary>
public sealed record EmulatedSubscription(
    string Id,
    string MailboxId,
    string ApplicationId,
    string Resource,
    string? CalendarId,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    DateTimeOffset ExpirationDateTime,
    bool IsExpired);
