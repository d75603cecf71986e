namespace OrleansCalendar.LoadTest;

/// <summary>The seeded calendar, the first of its 7 seeded days and its 7-day free-slot query.</summary>
internal sealed record FreeSlotsScenario(string CalendarPath, DateOnly FirstDay, string FreeSlotsPath)
{
    /// <summary>The calendar's free slots over the 7 days from <paramref name="firstDay"/>.</summary>
    public static FreeSlotsScenario Week(string calendarPath, DateTime firstDay)
    {
        var from = DateOnly.FromDateTime(firstDay);
        return new FreeSlotsScenario(calendarPath, from, $"{calendarPath}/free-slots?start={from:yyyy-MM-dd}&end={from.AddDays(6):yyyy-MM-dd}");
    }
}
