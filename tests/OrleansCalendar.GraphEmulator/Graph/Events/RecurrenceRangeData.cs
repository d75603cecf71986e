namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph's <c>recurrenceRange</c>.</summary>
internal sealed record RecurrenceRangeData(
    string Type,
    DateOnly StartDate,
    DateOnly? EndDate,
    int NumberOfOccurrences,
    string? RecurrenceTimeZone);
