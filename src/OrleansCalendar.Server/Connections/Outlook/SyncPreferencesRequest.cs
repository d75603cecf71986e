using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Sync preferences; a field left out takes the product default.</summary>
public sealed record SyncPreferencesRequest(
    bool? LinkedCalendarIsConflict,
    IReadOnlyList<string>? BlockingShowAs,
    SyncDirection? Direction,
    bool? ImportEventDetails,
    CancelBehavior? OnCancel);
