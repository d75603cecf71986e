namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph's <c>patternedRecurrence</c>.</summary>
internal sealed record RecurrenceData(RecurrencePatternData Pattern, RecurrenceRangeData Range);
