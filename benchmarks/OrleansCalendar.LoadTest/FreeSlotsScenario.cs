namespace OrleansCalendar.LoadTest;

/// <summary>The seeded calendar and its 7-day free-slot query.</summary>
internal sealed record FreeSlotsScenario(string CalendarPath, string FreeSlotsPath);
