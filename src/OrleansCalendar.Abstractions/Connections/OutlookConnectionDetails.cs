namespace OrleansCalendar.Abstractions.Connections;

/// <summary>A user's Outlook connection as the API shows it. Tokens never leave the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record OutlookConnectionDetails(
    [property: Id(0)] ConnectionStatus Status,
    [property: Id(1)] OutlookAccountInfo Account,
    [property: Id(2)] OutlookAccessLevel Access,
    [property: Id(3)] string? LinkedCalendarId,
    [property: Id(4)] IReadOnlyList<string> ConflictCalendarIds,
    [property: Id(5)] SyncPreferences SyncPreferences,
    [property: Id(6)] DateTimeOffset? LastSyncAt,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset ConnectedAt);
