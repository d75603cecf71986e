using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Sync preferences; a field left out takes the product default.</summary>
public sealed record SyncPreferencesRequest(
    bool? LinkedCalendarIsConflict = null,
    IReadOnlyList<string>? BlockingShowAs = null,
    SyncDirection? Direction = null,
    bool? ImportEventDetails = null,
    CancelBehavior? OnCancel = null);
