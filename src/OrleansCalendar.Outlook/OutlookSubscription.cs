namespace OrleansCalendar.Outlook;

/// <summary>A Graph change-notification subscription as Graph confirmed it.</summary>
public sealed record OutlookSubscription(string Id, DateTimeOffset ExpiresAt);
