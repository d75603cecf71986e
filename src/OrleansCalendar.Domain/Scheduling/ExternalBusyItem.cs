using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// Busy time imported from an external calendar (<see cref="SourceId"/>: the Outlook calendar's id), with the event's
/// showAs and, only where its details may be shown, its subject. It blocks exactly its own time.
/// </summary>
public sealed record ExternalBusyItem(string SourceId, string? ShowAs, string? Subject, TimeInterval Time)
    : BusyItem(Time, Time);
