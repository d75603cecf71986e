using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>A bookable interval and the members free for it.</summary>
public sealed record FreeSlot(TimeInterval Interval, IReadOnlyList<string> UserIds);
