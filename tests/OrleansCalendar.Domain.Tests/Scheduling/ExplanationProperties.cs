using FsCheck.Xunit;
using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

/// <summary>
/// The explanation of a day against free slots, for random calendars (hours off the display grid, odd steps, buffers,
/// notice, booking window), appointments with their own buffers, Outlook busy sets, one to three members in either
/// mode, and days on or next to daylight-saving switches of <see cref="Rules.SwitchingZones"/> shown in zones with other
/// switches and odd offsets.
/// </summary>
public sealed class ExplanationProperties
{
    private static readonly string[] DisplayZones = [NewYork, Berlin, "UTC", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago"];

    private static readonly string[][] HourPatterns =
        [["09:00", "17:00"], ["00:00", "24:00"], ["08:10", "12:00", "13:00", "17:20"], ["01:00", "04:00", "18:00", "24:00"], ["00:30", "03:15", "23:00", "24:00"]];

    private static readonly int[] Steps = [15, 20, 30, 45, 60, 90];

    [Property(MaxTest = 500)]
    public void A_slot_is_bookable_exactly_when_free_slots_offer_it(int a, int b, int c)
    {
        var s = Scenario.Build(a, b, c);
        var (dayStart, dayEnd) = SlotGenerator.DateRange(s.Date, s.Date, s.Display);

        var offered = SlotGenerator.FreeSlots(s.Rules, dayStart, dayEnd, s.Now, s.BusySets(), s.Mode).Select(f => f.Interval).ToList();
        var day = SlotExplainer.ExplainDay(s.Rules, s.Date, s.Display, s.Now, s.Members, s.Mode);

        Assert.Equal(offered, day.Where(e => e.Bookable).Select(e => e.Slot));
        Assert.All(day, e => Assert.Equal(e.Bookable, e.Reasons.Count == 0));
    }

    [Property(MaxTest = 300)]
    public void The_day_lists_its_local_grid_and_every_candidate_once_in_order(int a, int b, int c)
    {
        var s = Scenario.Build(a, b, c);
        var (dayStart, dayEnd) = SlotGenerator.DateRange(s.Date, s.Date, s.Display);

        var starts = SlotExplainer.ExplainDay(s.Rules, s.Date, s.Display, s.Now, s.Members, s.Mode).Select(e => e.Slot.Start).ToList();

        var step = (long)s.Rules.SlotInterval.TotalMinutes;
        var grid = Enumerable.Range(0, (int)(24 * 60 / step) + 1)
            .Select(k => s.Date.AtMidnight().PlusMinutes(k * step))
            .Where(local => local.Date == s.Date && s.Display.MapLocal(local).Count > 0)
            .Select(local => s.Display.MapLocal(local).First().ToInstant());
        var expected = grid.Concat(SlotGenerator.WeeklySlots(s.Rules, dayStart, dayEnd).Select(c => c.Start)).Distinct().Order().ToList();
        Assert.Equal(expected, starts);
        Assert.All(starts, start => Assert.Equal(s.Date, start.InZone(s.Display).Date));
    }

    [Property(MaxTest = 500)]
    public void Every_reason_that_applies_is_listed_and_no_other(int a, int b, int c)
    {
        var s = Scenario.Build(a, b, c);
        var (dayStart, dayEnd) = SlotGenerator.DateRange(s.Date, s.Date, s.Display);
        var grid = SlotGenerator.WeeklySlots(s.Rules, dayStart, dayEnd).ToHashSet();

        foreach (var e in SlotExplainer.ExplainDay(s.Rules, s.Date, s.Display, s.Now, s.Members, s.Mode).Where(e => !e.Bookable))
        {
            Assert.Equal(Expected(s, e.Slot, grid), e.Reasons.Select(Describe).ToList());
        }
    }

    private static Reason Describe(SlotReason r) => new(r.Code, r.OwnerId, r.Item switch
    {
        AppointmentBusyItem a => a.AppointmentId,
        ExternalBusyItem x => $"{x.SourceId}/{x.Subject}",
        _ => null,
    }, r.Start, r.End);

    /// <summary>The reasons spelled out naively: rules by their definitions, busy time item by item, with no interval sets.</summary>
    private static List<Reason> Expected(Scenario s, TimeInterval slot, HashSet<TimeInterval> grid)
    {
        var reasons = new List<Reason>();
        if (!grid.Contains(slot))
        {
            var inside = s.Rules.Hours.Expand(s.Date.PlusDays(-2), s.Date.PlusDays(2), s.Rules.Zone).Any(w => w.Start <= slot.Start && slot.End <= w.End);
            reasons.Add(new(inside ? SlotReasonCode.OffGrid : SlotReasonCode.OutsideHours));
        }

        if (slot.Start < s.Now + s.Rules.MinimumNotice)
        {
            reasons.Add(new(SlotReasonCode.MinimumNotice, Start: s.Now, End: s.Now + s.Rules.MinimumNotice));
        }

        var latest = s.Now + Duration.FromDays(s.Rules.BookingWindowDays);
        if (slot.Start > latest)
        {
            reasons.Add(new(SlotReasonCode.BeyondBookingWindow, Start: latest));
        }

        var from = slot.Start - s.Rules.BufferBefore;
        var to = slot.End + s.Rules.BufferAfter;
        var blocking = s.Members.Select(m => m.Items.Where(i => i.Blocked.Start < to && from < i.Blocked.End).ToList()).ToList();
        var free = blocking.Count(b => b.Count == 0);
        if (s.Mode == SlotMode.AnyMember ? free > 0 : free == s.Members.Count)
        {
            return reasons;
        }

        var team = s.Members.Count > 1;
        if (team && s.Mode == SlotMode.AnyMember)
        {
            reasons.Add(new(SlotReasonCode.NoMemberFree));
        }

        for (var m = 0; m < s.Members.Count; m++)
        {
            var owner = s.Members[m].OwnerId;
            if (team && blocking[m].Count > 0)
            {
                reasons.Add(new(SlotReasonCode.MemberBusy, owner));
            }

            foreach (var item in blocking[m].OrderBy(i => i.Time.Start))
            {
                reasons.Add(item is AppointmentBusyItem appointment
                    ? new(appointment.Time.Start < slot.End && slot.Start < appointment.Time.End ? SlotReasonCode.Appointment : SlotReasonCode.AppointmentBuffer,
                        owner, appointment.AppointmentId, item.Time.Start, item.Time.End)
                    : new(SlotReasonCode.ExternalBusy, owner, $"{((ExternalBusyItem)item).SourceId}/{((ExternalBusyItem)item).Subject}", item.Time.Start, item.Time.End));
            }
        }

        return reasons;
    }

    private sealed record Reason(SlotReasonCode Code, string? Owner = null, string? Item = null, Instant? Start = null, Instant? End = null);

    /// <summary>
    /// One random calendar, display zone, day, clock and busy time. FsCheck's integers are small, so they seed a
    /// generator rather than pick each choice themselves.
    /// </summary>
    private sealed record Scenario(SlotRules Rules, DateTimeZone Display, LocalDate Date, Instant Now, SlotMode Mode, IReadOnlyList<MemberBusy> Members)
    {
        public Dictionary<string, IntervalSet> BusySets() =>
            Members.ToDictionary(m => m.OwnerId, m => IntervalSet.From(m.Items.Select(i => i.Blocked)));

        public static Scenario Build(int a, int b, int c)
        {
            var random = new Random(unchecked((a * 1_000_003) + (b * 1_009) + c));
            var (zoneId, year) = SwitchingZones[random.Next(SwitchingZones.Length)];
            var zone = Zone(zoneId);
            var display = random.Next(3) == 0 ? zone : Zone(DisplayZones[random.Next(DisplayZones.Length)]);
            var date = Day(zone, year, random);

            var pattern = HourPatterns[random.Next(HourPatterns.Length)];
            var ranges = Enumerable.Range(0, pattern.Length / 2).Select(i => Range(pattern[2 * i], pattern[(2 * i) + 1])).ToList();
            var hours = new WeeklyHours(EveryDay.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => ranges));

            // Notice up to 10 hours, a window of 0-2 days, and a clock from a day and a half before the date to half a
            // day into it, so that every rule bites somewhere.
            var rules = new SlotRules(hours, zone,
                Duration.FromMinutes(Steps[random.Next(Steps.Length)]), Duration.FromMinutes(Steps[random.Next(Steps.Length)]),
                Duration.FromMinutes(random.Next(26)), Duration.FromMinutes(random.Next(26)),
                Duration.FromMinutes(random.Next(11) * 60), random.Next(3));
            var dayStart = zone.AtStartOfDay(date).ToInstant();
            var now = dayStart + Duration.FromMinutes(random.Next(48 * 60) - (36 * 60));
            var mode = random.Next(2) == 0 ? SlotMode.AnyMember : SlotMode.AllMembers;
            return new Scenario(rules, display, date, now, mode, Busy(random, random.Next(1, 4), dayStart));
        }

        /// <summary>Most days are a switch day of the calendar's zone or a day next to one; the rest anywhere in the year.</summary>
        private static LocalDate Day(DateTimeZone zone, int year, Random random)
        {
            var switchDays = SwitchDays(zone, year);
            return random.Next(10) < 7 && switchDays.Length > 0
                ? switchDays[random.Next(switchDays.Length)].PlusDays(random.Next(3) - 1)
                : new LocalDate(year, 1, 1).PlusDays(random.Next(365));
        }

        /// <summary>Up to 12 items per member, appointments with their own buffers or Outlook events, within a day and a half around the date.</summary>
        private static List<MemberBusy> Busy(Random random, int members, Instant dayStart)
        {
            return Enumerable.Range(0, members).Select(m => new MemberBusy($"u{m}", Enumerable.Range(0, random.Next(13)).Select(BusyItem (i) =>
            {
                var start = dayStart + Duration.FromMinutes(random.Next(36 * 60) - (6 * 60));
                var time = new TimeInterval(start, start + Duration.FromMinutes(random.Next(1, 150)));
                return random.Next(2) == 0
                    ? new AppointmentBusyItem($"apt_{m}_{i}", "cal_other", time, time.Widen(Duration.FromMinutes(random.Next(20)), Duration.FromMinutes(random.Next(20))))
                    : new ExternalBusyItem($"outlook_{i % 3}", "busy", i % 2 == 0 ? $"Event {i}" : null, time);
            }).ToList())).ToList();
        }
    }
}
