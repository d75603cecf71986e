using NodaTime;
using OrleansCalendar.Domain.Scheduling;

namespace OrleansCalendar.Domain.Tests.Scheduling;

/// <summary>Builders for readable slot tests.</summary>
internal static class Rules
{
    public static readonly Instant LongAgo = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static LocalTimeRange Range(string start, string end) =>
        LocalTimeRange.TryParse(start, end, out var range, out var error) ? range : throw new ArgumentException(error);

    public static WeeklyHours Every(params IsoDayOfWeek[] days) => Hours("09:00", "17:00", days);

    public static WeeklyHours Hours(string start, string end, params IsoDayOfWeek[] days) =>
        new(days.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [Range(start, end)]));

    public static WeeklyHours AllDays(string start, string end) =>
        Hours(start, end, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
            IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday);

    public static SlotRules In(string zone, WeeklyHours hours, int duration = 30, int interval = 30, int before = 0, int after = 0, int notice = 0, int windowDays = 730) =>
        new(hours, DateTimeZoneProviders.Tzdb[zone], Duration.FromMinutes(duration), Duration.FromMinutes(interval),
            Duration.FromMinutes(before), Duration.FromMinutes(after), Duration.FromMinutes(notice), windowDays);

    public static List<LocalTime> LocalStarts(SlotRules rules, LocalDate date, Instant? now = null)
    {
        var (start, end) = SlotGenerator.DateRange(date, date, rules.Zone);
        return SlotGenerator.Candidates(rules, start, end, now ?? LongAgo).Select(s => s.Start.InZone(rules.Zone).TimeOfDay).ToList();
    }

    public static Instant Local(string zone, int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToInstant();
}
