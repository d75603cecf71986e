using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// The bookable ranges of each weekday in a calendar's local time. Ranges of one day must not overlap; ranges
/// that touch (09:00–12:00 and 12:00–17:00) are joined into one window, because whoever wrote them meant
/// continuous availability and a slot across 12:00 should fit.
/// </summary>
public sealed class WeeklyHours
{
    // Indexed by IsoDayOfWeek (1 = Monday … 7 = Sunday); slot 0 stays empty.
    private readonly LocalTimeRange[][] _windows = new LocalTimeRange[8][];

    /// <exception cref="ArgumentException">When <see cref="Validate"/> finds problems.</exception>
    public WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> days)
    {
        var errors = Validate(days);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(days));
        }

        Array.Fill(_windows, []);
        foreach (var (day, ranges) in days)
        {
            _windows[(int)day] = Join(ranges);
        }
    }

    /// <summary>Every problem with the ranges, one message per problem ("Monday: 09:00-12:00 overlaps 11:00-13:00."); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> days)
    {
        var errors = new List<string>();
        foreach (var (day, ranges) in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                errors.Add($"'{day}' is not a day of the week.");
                continue;
            }

            errors.AddRange(ranges.Where(r => r.IsEmpty).Select(r => $"{day}: the range {r} is empty."));
            if (FindOverlap(ranges) is { } overlap)
            {
                errors.Add($"{day}: {overlap}");
            }
        }

        return errors;
    }

    /// <summary>A description of the first two overlapping ranges ("09:00-12:00 overlaps 11:00-13:00."), or null.</summary>
    public static string? FindOverlap(IEnumerable<LocalTimeRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.StartOffset).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Overlaps(sorted[i - 1]))
            {
                return $"{sorted[i - 1]} overlaps {sorted[i]}.";
            }
        }

        return null;
    }

    /// <summary>The windows of <paramref name="day"/>: its ranges sorted, touching ones joined.</summary>
    public IReadOnlyList<LocalTimeRange> For(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday ? _windows[(int)day] : [];

    /// <summary>
    /// The concrete availability windows of the dates <paramref name="firstDay"/> to <paramref name="lastDay"/>
    /// (inclusive), in order. Bounds follow the daylight-saving rules of <see cref="SlotGenerator"/>.
    /// </summary>
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
    /// One range of one date on the timeline. A bound inside a gap moves to the first instant after it, an
    /// ambiguous bound is its earlier instant, and 24:00 is the start of the next day (which may itself be late
    /// when midnight falls in a gap). A range wholly inside a gap is an empty window.
    /// </summary>
    internal static TimeInterval Window(LocalDate date, LocalTimeRange range, DateTimeZone zone)
    {
        var start = DaylightSaving.WindowBound(date + range.Start, zone);
        var end = range.EndsAtEndOfDay
            ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : DaylightSaving.WindowBound(date + range.End, zone);
        return new TimeInterval(start, Instant.Max(start, end));
    }

    private static LocalTimeRange[] Join(IEnumerable<LocalTimeRange> ranges)
    {
        var joined = new List<LocalTimeRange>();
        foreach (var range in ranges.OrderBy(r => r.StartOffset))
        {
            if (joined.Count > 0 && joined[^1].EndOffset == range.StartOffset)
            {
                joined[^1] = new LocalTimeRange(joined[^1].Start, range.End);
            }
            else
            {
                joined.Add(range);
            }
        }

        return [.. joined];
    }
}
