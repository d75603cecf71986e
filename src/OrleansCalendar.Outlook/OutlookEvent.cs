namespace OrleansCalendar.Outlook;

/// <summary>
/// One item of a <c>calendarView/delta</c> page: an event instance, or only an id when <see cref="Removed"/>.
/// Times are the wall clock Graph wrote (UTC, as asked with <c>Prefer: outlook.timezone</c>) and the zone it names;
/// all-day events keep their own midnight-to-midnight wall clock, to be read in <see cref="OriginalStartTimeZone"/>.
/// </summary>
public sealed record OutlookEvent(string Id, bool Removed)
{
    public string? Subject { get; init; }

    /// <summary>free, tentative, busy, oof, workingElsewhere or unknown.</summary>
    public string? ShowAs { get; init; }

    /// <summary>normal, personal, private or confidential.</summary>
    public string? Sensitivity { get; init; }

    public bool IsAllDay { get; init; }

    public bool IsCancelled { get; init; }

    /// <summary>singleInstance, occurrence, exception or seriesMaster.</summary>
    public string? Type { get; init; }

    public DateTime? Start { get; init; }

    public string? StartTimeZone { get; init; }

    public DateTime? End { get; init; }

    public string? EndTimeZone { get; init; }

    public string? OriginalStartTimeZone { get; init; }

    public string? TransactionId { get; init; }

    /// <summary>Our appointment tag, when the event was read with it expanded.</summary>
    public string? Tag { get; init; }
}
