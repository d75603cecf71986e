namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// Where the sync of one Outlook calendar stands. <see cref="Role"/>: <c>conflict</c>, <c>linked</c> or
/// <c>linkedAndConflict</c>. <see cref="State"/>: <c>initial</c> (no complete round yet), <c>synced</c> or
/// <c>failed</c> (the busy time of the last complete round stays in force). <see cref="Webhook"/> is its
/// change-notification subscription, or null when webhooks are off.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutlookCalendarSync(
    [property: Id(0)] string Id,
    [property: Id(1)] string Role,
    [property: Id(2)] string State,
    [property: Id(3)] DateTimeOffset? LastSyncAt,
    [property: Id(4)] string? LastError,
    [property: Id(5)] int Events,
    [property: Id(6)] int BusyEvents,
    [property: Id(7)] OutlookWebhookState? Webhook);
