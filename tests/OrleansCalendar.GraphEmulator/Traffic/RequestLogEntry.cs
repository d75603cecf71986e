namespace OrleansCalendar.GraphEmulator.Traffic;

/// <summary>One request the emulator answered (control API calls are not logged).</summary>
public sealed record RequestLogEntry(
    DateTimeOffset Timestamp,
    string Method,
    string PathAndQuery,
    int StatusCode,
    string? MailboxId,
    string? MailboxAddress,
    TimeSpan Duration,
    string? FaultRuleId);
