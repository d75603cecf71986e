using System.Globalization;
using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;

namespace OrleansCalendar.Domain.Tests.Scheduling;

/// <summary>Builders for readable slot tests.</summary>
internal static class Rules
{
    public const string NewYork = "America/New_York";
    public const string Berlin = "Europe/Berlin";
    public static readonly Instant LongAgo = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static readonly IsoDayOfWeek[] EveryDay = [.. Weekdays, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>
    /// Zones with odd daylight-saving rules, each in a year it switches: half-hour switches (Lord Howe), switches at
    /// midnight (São Paulo 2018, Santiago), and the two zones the product rules name.
    /// </summary>
    public static readonly (string Zone, int Year)[] SwitchingZones =
        [(NewYork, 2026), (Berlin, 2026), ("Australia/Lord_Howe", 2026), ("America/Sao_Paulo", 2018), ("America/Santiago", 2026)];

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>The local dates on which <paramref name="zone"/> changes its offset in <paramref name="year"/>.</summary>
    public static LocalDate[] SwitchDays(DateTimeZone zone, int year) =>
        zone.GetZoneIntervals(new LocalDate(year, 1, 1).AtStartOfDayInZone(zone).ToInstant(), new LocalDate(year + 1, 1, 1).AtStartOfDayInZone(zone).ToInstant())
            .Skip(1)
            .Select(i => i.Start.InZone(zone).Date)
            .ToArray();

    public static LocalTimeRange Range(string start, string end) =>
        LocalTimeRange.TryParse(start, end, out var range, out var error) ? range : throw new ArgumentException(error);

    public static WeeklyHours Every(params IsoDayOfWeek[] days) => Hours("09:00", "17:00", days);

    public static WeeklyHours Hours(string start, string end, params IsoDayOfWeek[] days) =>
        new(days.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [Range(start, end)]));

    public static WeeklyHours AllDays(string start, string end) => Hours(start, end, EveryDay);

    public static SlotRules In(string zone, WeeklyHours hours, int duration = 30, int interval = 30, int before = 0, int after = 0, int notice = 0, int windowDays = 730) =>
        new(hours, Zone(zone), Duration.FromMinutes(duration), Duration.FromMinutes(interval),
            Duration.FromMinutes(before), Duration.FromMinutes(after), Duration.FromMinutes(notice), windowDays);

    /// <summary>The candidates of the whole local <paramref name="date"/>.</summary>
    public static IReadOnlyList<TimeInterval> CandidatesOn(SlotRules rules, LocalDate date, Instant? now = null)
    {
        var (start, end) = SlotGenerator.DateRange(date, date, rules.Zone);
        return SlotGenerator.Candidates(rules, start, end, now ?? LongAgo);
    }

    public static List<LocalTime> LocalStarts(SlotRules rules, LocalDate date, Instant? now = null) =>
        TimesOfDay(rules, CandidatesOn(rules, date, now));

    /// <summary>The local start times of <paramref name="slots"/> in the calendar's zone.</summary>
    public static List<LocalTime> TimesOfDay(SlotRules rules, IEnumerable<TimeInterval> slots) =>
        slots.Select(s => s.Start.InZone(rules.Zone).TimeOfDay).ToList();

    public static List<LocalTime> Times(params string[] hhmm) =>
        hhmm.Select(t => new LocalTime(int.Parse(t[..2], CultureInfo.InvariantCulture), int.Parse(t[3..], CultureInfo.InvariantCulture))).ToList();

    /// <summary>A local time that exists exactly once in the zone.</summary>
    public static Instant Local(string zone, int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone(zone)).ToInstant();

    public static IReadOnlyDictionary<string, IntervalSet> Busy(params (string User, IntervalSet Busy)[] members) =>
        members.ToDictionary(m => m.User, m => m.Busy);

    public static IntervalSet BusyAt(params (Instant Start, int Minutes)[] intervals) =>
        IntervalSet.From(intervals.Select(i => new TimeInterval(i.Start, i.Start + Duration.FromMinutes(i.Minutes))));
}
