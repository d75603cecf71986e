namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// The whole configuration: the linked calendar (null: appointments are not pushed), the conflict calendars and
/// the sync preferences.
/// </summary>
public sealed record OutlookConfigurationRequest(string? LinkedCalendarId, IReadOnlyList<string>? ConflictCalendarIds, SyncPreferencesRequest? SyncPreferences);
