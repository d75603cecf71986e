using FsCheck.Xunit;
using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

/// <summary>
/// Slot generation against a brute-force model, on days chosen to sit on or next to daylight-saving switches in
/// zones with odd rules: half-hour switches (Lord Howe), switches at midnight (São Paulo 2018, Santiago), and
/// the two zones the product rules name.
/// </summary>
public sealed class SlotProperties
{
    private static readonly string[][] HourPatterns =
        [["00:00", "24:00"], ["09:00", "17:00"], ["01:00", "04:00", "18:00", "24:00"], ["00:30", "03:15", "23:00", "24:00"]];

    private static readonly int[] Steps = [15, 20, 30, 45, 60, 90];

    [Property(MaxTest = 300)]
    public void Candidates_are_exactly_the_grid_times_that_exist_and_fit(int zonePick, int dayPick, int hoursPick, int stepPick, int durationPick)
    {
        var (rules, date) = Scenario(zonePick, dayPick, hoursPick, stepPick, durationPick);
        var (start, end) = SlotGenerator.DateRange(date, date, rules.Zone);

        var actual = SlotGenerator.Candidates(rules, start, end, Instant.FromUtc(2000, 1, 1, 0, 0));

        var model = Model(rules, date);
        Assert.Equal(model.Select(m => m.Slot), actual);

        // Every slot starts at the very local time of its grid point: none was shifted out of a gap.
        Assert.Equal(model.Select(m => m.Local), actual.Select(s => s.Start.InZone(rules.Zone).LocalDateTime));
        Assert.Equal(actual.OrderBy(c => c.Start).Distinct(), actual);
    }

    [Property(MaxTest = 200)]
    public void Free_slots_are_the_candidates_whose_widened_interval_meets_no_busy_interval(int[] busyMinutes, int zonePick, int dayPick, int before, int after)
    {
        var (rules, date) = Scenario(zonePick, dayPick, hoursPick: 1, stepPick: 2, durationPick: 2);
        rules = rules with { BufferBefore = Duration.FromMinutes(Math.Abs(before % 20)), BufferAfter = Duration.FromMinutes(Math.Abs(after % 20)) };
        var (start, end) = SlotGenerator.DateRange(date, date, rules.Zone);
        var busyList = Enumerable.Range(0, busyMinutes.Length / 2)
            .Select(i => start + Duration.FromMinutes(Math.Abs(busyMinutes[2 * i] % (26 * 60))))
            .Zip(busyMinutes.Where((_, i) => i % 2 == 1), (s, length) => new TimeInterval(s, s + Duration.FromMinutes(Math.Abs(length % 90))))
            .ToList();
        var busy = Busy(("a", IntervalSet.From(busyList)), ("b", IntervalSet.From(busyList.Where((_, i) => i % 2 == 0))));
        var now = Instant.FromUtc(2000, 1, 1, 0, 0);

        var any = SlotGenerator.FreeSlots(rules, start, end, now, busy, SlotMode.AnyMember);
        var all = SlotGenerator.FreeSlots(rules, start, end, now, busy, SlotMode.AllMembers);

        var expected = SlotGenerator.Candidates(rules, start, end, now)
            .Select(c => (Interval: c, Users: new[] { "a", "b" }.Where(u => !BusyNaively(u == "a" ? busyList : busyList.Where((_, i) => i % 2 == 0), c.Widen(rules.BufferBefore, rules.BufferAfter))).ToArray()))
            .ToList();
        Assert.Equal(expected.Where(e => e.Users.Length > 0).Select(e => (e.Interval, string.Join(",", e.Users))), any.Select(s => (s.Interval, string.Join(",", s.UserIds))));
        Assert.Equal(expected.Where(e => e.Users.Length == 2).Select(e => e.Interval), all.Select(s => s.Interval));
    }

    private static bool BusyNaively(IEnumerable<TimeInterval> busy, TimeInterval slot) =>
        busy.Any(b => b.Start < slot.End && slot.Start < b.End && !b.IsEmpty);

    private static (SlotRules Rules, LocalDate Date) Scenario(int zonePick, int dayPick, int hoursPick, int stepPick, int durationPick)
    {
        var (zoneId, year) = SwitchingZones[Math.Abs(zonePick % SwitchingZones.Length)];
        var zone = Zone(zoneId);

        // Most picks land on a switch day or a day next to one; the rest anywhere in the year.
        var switchDays = SwitchDays(zone, year);
        var pick = Math.Abs(dayPick % 1000);
        var date = pick < 700 && switchDays.Length > 0
            ? switchDays[pick % switchDays.Length].PlusDays((pick / switchDays.Length % 3) - 1)
            : new LocalDate(year, 1, 1).PlusDays(pick % 365);

        var pattern = HourPatterns[Math.Abs(hoursPick % HourPatterns.Length)];
        var ranges = Enumerable.Range(0, pattern.Length / 2).Select(i => Range(pattern[2 * i], pattern[(2 * i) + 1])).ToList();
        var hours = new WeeklyHours(EveryDay.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => ranges));
        var step = Duration.FromMinutes(Steps[Math.Abs(stepPick % Steps.Length)]);
        var duration = Duration.FromMinutes(Steps[Math.Abs(durationPick % Steps.Length)]);
        return (new SlotRules(hours, zone, duration, step, Duration.Zero, Duration.Zero, Duration.Zero, 100_000), date);
    }

    /// <summary>
    /// The rules spelled out with nothing shared with the implementation but the weekly hours: walk each range's
    /// grid, keep local times that exist (the first occurrence when ambiguous), and keep slots that end by the
    /// window's end (the first instant after a gap, the first occurrence when ambiguous).
    /// </summary>
    private static List<(LocalDateTime Local, TimeInterval Slot)> Model(SlotRules rules, LocalDate date)
    {
        Instant Bound(LocalDateTime local)
        {
            var mapping = rules.Zone.MapLocal(local);
            return mapping.Count == 0 ? mapping.LateInterval.Start : mapping.First().ToInstant();
        }

        var result = new List<(LocalDateTime Local, TimeInterval Slot)>();
        foreach (var range in rules.Hours.For(date.DayOfWeek))
        {
            var windowStart = Bound(date + range.Start);
            var windowEnd = range.EndsAtEndOfDay ? Bound(date.PlusDays(1).AtMidnight()) : Bound(date + range.End);
            for (var local = date + range.Start; local < date.AtMidnight() + Period.FromMinutes((long)range.EndOffset.TotalMinutes); local += Period.FromMinutes((long)rules.SlotInterval.TotalMinutes))
            {
                var mapping = rules.Zone.MapLocal(local);
                if (mapping.Count > 0)
                {
                    var start = mapping.First().ToInstant();
                    if (start >= windowStart && start + rules.SlotDuration <= windowEnd)
                    {
                        result.Add((local, new TimeInterval(start, start + rules.SlotDuration)));
                    }
                }
            }
        }

        return result;
    }
}
