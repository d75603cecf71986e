using System.Collections.Immutable;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph's <c>recurrencePattern</c>; only the fields of the pattern's type matter.</summary>
internal sealed record RecurrencePatternData(
    string Type,
    int Interval,
    ImmutableArray<DayOfWeek> DaysOfWeek,
    DayOfWeek FirstDayOfWeek,
    int DayOfMonth,
    int Month,
    string Index);
