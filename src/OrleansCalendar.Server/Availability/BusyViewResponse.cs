using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Server.Availability;

/// <summary>A user's busy time, merged per source; times in the user's time zone.</summary>
public sealed record BusyViewResponse(IReadOnlyList<BusyInterval> Intervals);
