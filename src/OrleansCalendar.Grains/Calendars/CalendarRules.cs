using NodaTime;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Domain.Scheduling;

namespace OrleansCalendar.Grains.Calendars;

/// <summary>Turns a stored calendar definition into the domain's slot rules.</summary>
public static class CalendarRules
{
    public static readonly IReadOnlyDictionary<string, IsoDayOfWeek> Days = new Dictionary<string, IsoDayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = IsoDayOfWeek.Monday,
        ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thursday"] = IsoDayOfWeek.Thursday,
        ["friday"] = IsoDayOfWeek.Friday,
        ["saturday"] = IsoDayOfWeek.Saturday,
        ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public static SlotRules ToSlotRules(CalendarDefinition d) => new(
        ToWeeklyHours(d.WeeklyHours),
        DateTimeZoneProviders.Tzdb[d.TimeZone],
        Duration.FromMinutes(d.SlotDurationMinutes),
        Duration.FromMinutes(d.SlotIntervalMinutes),
        Duration.FromMinutes(d.BufferBeforeMinutes),
        Duration.FromMinutes(d.BufferAfterMinutes),
        Duration.FromMinutes(d.MinimumNoticeMinutes),
        d.BookingWindowDays);

    public static WeeklyHours ToWeeklyHours(IReadOnlyDictionary<string, IReadOnlyList<HoursRange>> hours)
    {
        var ranges = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>();
        foreach (var (day, list) in hours)
        {
            ranges[Days[day]] = list.Select(r => LocalTimeRange.TryParse(r.Start, r.End, out var range, out var error)
                ? range
                : throw new ArgumentException($"Invalid hours {r.Start}-{r.End} on {day}: {error}", nameof(hours))).ToList();
        }

        return new WeeklyHours(ranges);
    }
}
