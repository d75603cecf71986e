namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// The whole configuration: the linked calendar (null or left out: appointments are not pushed), the conflict
/// calendars (left out: none) and the sync preferences (left out: the defaults).
/// </summary>
public sealed record OutlookConfigurationRequest(
    string? LinkedCalendarId = null,
    IReadOnlyList<string>? ConflictCalendarIds = null,
    SyncPreferencesRequest? SyncPreferences = null);
