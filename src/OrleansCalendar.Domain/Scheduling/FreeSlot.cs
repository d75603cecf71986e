using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>A bookable interval and the members free for it, in the order the members were given.</summary>
public sealed record FreeSlot(TimeInterval Interval, IReadOnlyList<string> UserIds);
