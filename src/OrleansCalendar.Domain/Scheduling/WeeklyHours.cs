using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>The bookable ranges of each weekday, in the calendar's local time.</summary>
public sealed class WeeklyHours
{
    private readonly Dictionary<IsoDayOfWeek, LocalTimeRange[]> _days;

    /// <summary>Ranges per weekday; ranges of one day must not overlap (see <see cref="FindOverlap"/>).</summary>
    public WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> days)
    {
        _days = days.ToDictionary(d => d.Key, d => d.Value.OrderBy(r => r.StartMinute).ToArray());
        foreach (var (day, ranges) in _days)
        {
            if (FindOverlap(ranges) is { } overlap)
            {
                throw new ArgumentException($"{day}: {overlap}", nameof(days));
            }
        }
    }

    public IReadOnlyList<LocalTimeRange> For(IsoDayOfWeek day) => _days.TryGetValue(day, out var ranges) ? ranges : [];

    /// <summary>A description of the first two overlapping ranges, or null when none overlap.</summary>
    public static string? FindOverlap(IEnumerable<LocalTimeRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.StartMinute).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Overlaps(sorted[i - 1]))
            {
                return $"{sorted[i - 1]} overlaps {sorted[i]}.";
            }
        }

        return null;
    }

    /// <summary>The concrete availability windows of the dates <paramref name="firstDay"/>..<paramref name="lastDay"/> (inclusive).</summary>
    public IEnumerable<TimeInterval> Expand(LocalDate firstDay, LocalDate lastDay, DateTimeZone zone)
    {
        for (var date = firstDay; date <= lastDay; date = date.PlusDays(1))
        {
            foreach (var range in For(date.DayOfWeek))
            {
                yield return Window(date, range, zone);
            }
        }
    }

    /// <summary>
    /// One range of one date on the timeline. A bound inside a daylight-saving gap moves to the end of the gap;
    /// an ambiguous bound takes its earlier instant.
    /// </summary>
    public static TimeInterval Window(LocalDate date, LocalTimeRange range, DateTimeZone zone)
    {
        var start = LocalTimes.ResolveBound(date.AtMidnight().PlusMinutes(range.StartMinute), zone);
        var end = range.EndMinute == LocalTimeRange.MinutesPerDay
            ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : LocalTimes.ResolveBound(date.AtMidnight().PlusMinutes(range.EndMinute), zone);
        return new TimeInterval(start, Instant.Max(start, end));
    }
}
