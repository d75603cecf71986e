using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Turns stored items into the instances a calendar view shows.</summary>
internal static class InstanceExpander
{
    public static IEnumerable<EventInstance> Expand(EventData item, DateTime startUtc, DateTime endUtc)
    {
        if (item.Recurrence is null)
        {
            var single = EventInstance.Of(item);
            if (single.Overlaps(startUtc, endUtc))
            {
                yield return single;
            }

            yield break;
        }

        // One day of slack on each side covers zones far from UTC and events that end after midnight.
        var until = DateOnly.FromDateTime(TimeZones.FromUtc(endUtc, item.Start.Zone)).AddDays(1);
        foreach (var date in RecurrenceExpander.Dates(item.Recurrence, until))
        {
            if (item.DeletedOccurrences.Contains(date) || item.Exceptions.ContainsKey(date))
            {
                continue;
            }

            var occurrence = Occurrence(item, date);
            if (occurrence.Overlaps(startUtc, endUtc))
            {
                yield return occurrence;
            }
        }

        foreach (var exception in item.Exceptions.Values)
        {
            var instance = EventInstance.Of(exception);
            if (instance.Overlaps(startUtc, endUtc))
            {
                yield return instance;
            }
        }
    }

    /// <summary>The unmodified occurrence of <paramref name="master"/> on <paramref name="date"/>.</summary>
    public static EventInstance Occurrence(EventData master, DateOnly date)
    {
        var startWall = date.ToDateTime(TimeOnly.FromTimeSpan(master.Start.WallClock.TimeOfDay));
        var start = master.Start with { WallClock = startWall };
        ZonedTime end;
        if (master.IsAllDay)
        {
            var days = (master.End.WallClock.Date - master.Start.WallClock.Date).Days;
            end = master.End with { WallClock = startWall.AddDays(days) };
        }
        else
        {
            var endUtc = start.Utc + (master.End.Utc - master.Start.Utc);
            end = ZonedTime.FromUtc(endUtc, master.End.ZoneName, master.End.Zone);
        }

        return new EventInstance(
            master, GraphIds.OccurrenceId(master.Id, date), "occurrence", start, end, master.Id, start.Utc);
    }
}
