namespace OrleansCalendar.Outlook;

/// <summary>
/// What a new subscription watches (<c>created,updated,deleted</c> on the events of one calendar) and where Graph
/// reports. Graph calls both URLs with a validation token before it answers the create.
/// </summary>
public sealed record OutlookSubscriptionRequest(
    string CalendarId,
    Uri NotificationUrl,
    Uri? LifecycleNotificationUrl,
    DateTimeOffset ExpiresAt,
    string ClientState);
