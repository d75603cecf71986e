namespace OrleansCalendar.Abstractions.Connections;

/// <summary>Which Outlook calendar receives appointments (null: none) and which block availability.</summary>
[GenerateSerializer, Immutable]
public sealed record OutlookConfiguration(
    [property: Id(0)] string? LinkedCalendarId,
    [property: Id(1)] IReadOnlyList<string> ConflictCalendarIds,
    [property: Id(2)] SyncPreferences SyncPreferences);
