using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>How the busy view shows one source's intervals.</summary>
internal static class BusyViews
{
    /// <summary>Merges touching intervals of one source (sorted by start); details survive only where one item stands alone.</summary>
    public static IEnumerable<BusyInterval> MergeBySource(IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string? CalendarId, string? Title)> sorted, BusySource source)
    {
        BusyInterval? current = null;
        foreach (var (start, end, calendarId, title) in sorted.OrderBy(i => i.Start))
        {
            if (current is not null && start <= current.End)
            {
                current = current with
                {
                    End = end > current.End ? end : current.End,
                    CalendarId = current.CalendarId == calendarId ? calendarId : null,
                    Title = null,
                };
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = new BusyInterval(start, end, source, calendarId, title);
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
