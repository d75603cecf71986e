namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// A user's Outlook connection as the API shows it. Tokens never leave the grain. <see cref="Calendars"/> is the
/// sync state per Outlook calendar; <see cref="PendingPushes"/> counts appointments not yet written to Outlook;
/// <see cref="Syncing"/> is true from a sync request until that sync has finished. <see cref="Webhooks"/>: <c>off</c>
/// (no public URL configured), <c>active</c> (every synced calendar has a live subscription: polling slows to the
/// safety-net period) or <c>degraded</c> (some calendar has none yet: polling keeps its normal period).
/// </summary>
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
    [property: Id(8)] DateTimeOffset ConnectedAt,
    [property: Id(9)] IReadOnlyList<OutlookCalendarSync> Calendars,
    [property: Id(10)] int PendingPushes,
    [property: Id(11)] bool Syncing,
    [property: Id(12)] string Webhooks);
