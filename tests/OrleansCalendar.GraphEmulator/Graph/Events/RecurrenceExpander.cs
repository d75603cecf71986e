namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Dates on which a recurrence pattern places occurrences, in ascending order.</summary>
internal static class RecurrenceExpander
{
    /// <summary>Occurrence dates from the range start up to <paramref name="until"/> (inclusive), honouring the range end.</summary>
    public static IEnumerable<DateOnly> Dates(RecurrenceData recurrence, DateOnly until)
    {
        var range = recurrence.Range;
        var last = range.Type == "endDate" && range.EndDate is { } endDate && endDate < until ? endDate : until;
        var count = 0;
        foreach (var date in Candidates(recurrence.Pattern, range.StartDate))
        {
            if (date > last || (range.Type == "numbered" && count >= range.NumberOfOccurrences))
            {
                yield break;
            }

            count++;
            yield return date;
        }
    }

    public static bool IsOccurrenceDate(RecurrenceData recurrence, DateOnly date) =>
        Dates(recurrence, date).Contains(date);

    private static IEnumerable<DateOnly> Candidates(RecurrencePatternData pattern, DateOnly start)
    {
        var interval = Math.Max(1, pattern.Interval);
        return pattern.Type switch
        {
            "daily" => Daily(start, interval),
            "weekly" => Weekly(pattern, start, interval),
            "absoluteMonthly" => Monthly(start, interval, month => AbsoluteDay(month, pattern.DayOfMonth)),
            "relativeMonthly" => Monthly(start, interval, month => RelativeDay(month, pattern)),
            "absoluteYearly" => Monthly(start, 12 * interval, month => AbsoluteDay(month, pattern.DayOfMonth), pattern.Month),
            "relativeYearly" => Monthly(start, 12 * interval, month => RelativeDay(month, pattern), pattern.Month),
            _ => [],
        };
    }

    private static IEnumerable<DateOnly> Daily(DateOnly start, int interval)
    {
        for (var date = start; ; date = date.AddDays(interval))
        {
            yield return date;
        }
    }

    private static IEnumerable<DateOnly> Weekly(RecurrencePatternData pattern, DateOnly start, int interval)
    {
        var days = pattern.DaysOfWeek.IsDefaultOrEmpty ? [start.DayOfWeek] : pattern.DaysOfWeek;
        var weekStart = start.AddDays(-(((int)start.DayOfWeek - (int)pattern.FirstDayOfWeek + 7) % 7));
        for (var week = weekStart; ; week = week.AddDays(7 * interval))
        {
            for (var offset = 0; offset < 7; offset++)
            {
                var date = week.AddDays(offset);
                if (date >= start && days.Contains(date.DayOfWeek))
                {
                    yield return date;
                }
            }
        }
    }

    private static IEnumerable<DateOnly> Monthly(
        DateOnly start, int monthStep, Func<DateOnly, DateOnly?> pick, int fixedMonth = 0)
    {
        var month = new DateOnly(start.Year, fixedMonth is >= 1 and <= 12 ? fixedMonth : start.Month, 1);
        if (month.AddMonths(1) <= start)
        {
            month = month.AddMonths(monthStep);
        }

        for (; month.Year < 9000; month = month.AddMonths(monthStep))
        {
            if (pick(month) is { } date && date >= start)
            {
                yield return date;
            }
        }
    }

    private static DateOnly? AbsoluteDay(DateOnly month, int dayOfMonth)
    {
        var day = Math.Clamp(dayOfMonth, 1, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day);
    }

    private static DateOnly? RelativeDay(DateOnly month, RecurrencePatternData pattern)
    {
        var matches = Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month))
            .Select(month.AddDays)
            .Where(d => pattern.DaysOfWeek.Contains(d.DayOfWeek))
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var position = pattern.Index switch
        {
            "second" => 1,
            "third" => 2,
            "fourth" => 3,
            "last" => matches.Count - 1,
            _ => 0,
        };
        return position < matches.Count ? matches[position] : null;
    }
}
