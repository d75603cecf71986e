using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// Slot generation and booking checks.
/// <para>
/// Slots step by the slot interval in the calendar's LOCAL time from each weekly-hours window start, so a
/// 09:00–17:00 day stays 09:00–17:00 local on both sides of a daylight-saving switch. A slot whose local
/// start does not exist (spring-forward gap) is skipped; an ambiguous local start (fall-back) is its earlier
/// instant. A slot lasts the slot duration in elapsed time and must end inside its window.
/// </para>
/// <para>
/// A slot is offered when it starts at or after now + minimum notice and at most booking-window days from
/// now, and when the slot widened by the buffers overlaps no busy interval of the member(s).
/// </para>
/// </summary>
public static class SlotGenerator
{
    /// <summary>The instants [start of <paramref name="first"/>, start of the day after <paramref name="last"/>) in <paramref name="zone"/>.</summary>
    public static (Instant Start, Instant End) DateRange(LocalDate first, LocalDate last, DateTimeZone zone) =>
        (zone.AtStartOfDay(first).ToInstant(), zone.AtStartOfDay(last.PlusDays(1)).ToInstant());

    /// <summary>Every slot the rules allow with a start in [rangeStart, rangeEnd), ignoring busy time. Sorted.</summary>
    public static IReadOnlyList<TimeInterval> Candidates(SlotRules rules, Instant rangeStart, Instant rangeEnd, Instant now) =>
        WithinHorizon(rules, WeeklySlots(rules, rangeStart, rangeEnd), now);

    /// <summary>
    /// The slots of the weekly hours with a start in [rangeStart, rangeEnd), before notice and booking window
    /// are applied. Depends only on the rules and the range, so callers may cache it.
    /// </summary>
    public static IReadOnlyList<TimeInterval> WeeklySlots(SlotRules rules, Instant rangeStart, Instant rangeEnd)
    {
        var slots = new List<TimeInterval>();
        if (rangeStart >= rangeEnd || rules.SlotInterval <= Duration.Zero || rules.SlotDuration <= Duration.Zero)
        {
            return slots;
        }

        // A day's windows can start before its date in other zones: widen the scan by a day on both sides.
        var firstDay = rangeStart.InZone(rules.Zone).Date.PlusDays(-1);
        var lastDay = rangeEnd.InZone(rules.Zone).Date.PlusDays(1);
        var step = (int)rules.SlotInterval.TotalMinutes;
        for (var date = firstDay; date <= lastDay; date = date.PlusDays(1))
        {
            foreach (var range in rules.Hours.For(date.DayOfWeek))
            {
                var window = WeeklyHours.Window(date, range, rules.Zone);
                for (var minute = range.StartMinute; minute < range.EndMinute; minute += step)
                {
                    if (LocalTimes.ResolveSlotStart(date.AtMidnight().PlusMinutes(minute), rules.Zone) is not { } start)
                    {
                        continue;
                    }

                    var slot = new TimeInterval(start, start + rules.SlotDuration);
                    if (start >= rangeStart && start < rangeEnd && window.Covers(slot))
                    {
                        slots.Add(slot);
                    }
                }
            }
        }

        slots.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return slots;
    }

    /// <summary>The slots starting at or after now + minimum notice and at most booking-window days from now.</summary>
    public static IReadOnlyList<TimeInterval> WithinHorizon(SlotRules rules, IReadOnlyList<TimeInterval> slots, Instant now)
    {
        var earliest = now + rules.MinimumNotice;
        var latest = now + Duration.FromDays(rules.BookingWindowDays);
        var result = new List<TimeInterval>(slots.Count);
        foreach (var slot in slots)
        {
            if (slot.Start >= earliest && slot.Start <= latest)
            {
                result.Add(slot);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="requested"/> may be booked: inside one window, with notice, within the window of days.</summary>
    public static Availability Check(SlotRules rules, TimeInterval requested, Instant now)
    {
        var day = requested.Start.InZone(rules.Zone).Date;
        var inHours = rules.Hours.Expand(day.PlusDays(-1), day.PlusDays(1), rules.Zone).Any(w => w.Covers(requested));
        if (!inHours || requested.IsEmpty)
        {
            return Availability.OutsideHours;
        }

        if (requested.Start < now + rules.MinimumNotice)
        {
            return Availability.TooSoon;
        }

        return requested.Start > now + Duration.FromDays(rules.BookingWindowDays) ? Availability.TooFar : Availability.Available;
    }

    /// <summary>Whether the slot, widened by the calendar's buffers, overlaps nothing busy.</summary>
    public static bool IsFree(SlotRules rules, TimeInterval slot, IntervalSet busy) =>
        busy.IsFree(slot.Widen(rules.BufferBefore, rules.BufferAfter));

    /// <summary>The candidate slots that are free for the members, as <paramref name="mode"/> requires.</summary>
    public static IReadOnlyList<FreeSlot> FreeSlots(
        SlotRules rules,
        Instant rangeStart,
        Instant rangeEnd,
        Instant now,
        IReadOnlyDictionary<string, IntervalSet> busyByUser,
        SlotMode mode)
    {
        var candidates = Candidates(rules, rangeStart, rangeEnd, now);
        var members = busyByUser
            .Select(m => new MemberFreedom(m.Key, candidates.Select(c => IsFree(rules, c, m.Value)).ToArray()))
            .ToList();
        return Combine(candidates, members, mode);
    }

    /// <summary>The candidates widened by the calendar's buffers: what must not overlap busy time.</summary>
    public static IReadOnlyList<TimeInterval> Widened(SlotRules rules, IReadOnlyList<TimeInterval> candidates) =>
        candidates.Select(c => c.Widen(rules.BufferBefore, rules.BufferAfter)).ToList();

    /// <summary>
    /// Turns per-member answers (member i is free for candidate j) into offered slots: with
    /// <see cref="SlotMode.AnyMember"/> when someone is free, naming who; with <see cref="SlotMode.AllMembers"/>
    /// only when everyone is.
    /// </summary>
    public static IReadOnlyList<FreeSlot> Combine(IReadOnlyList<TimeInterval> candidates, IReadOnlyList<MemberFreedom> members, SlotMode mode)
    {
        var everyone = members.Select(m => m.UserId).ToArray();
        var result = new List<FreeSlot>();
        var free = new List<string>(members.Count);
        for (var j = 0; j < candidates.Count; j++)
        {
            free.Clear();
            foreach (var member in members)
            {
                if (member.Free[j])
                {
                    free.Add(member.UserId);
                }
            }

            if (mode == SlotMode.AllMembers ? free.Count == members.Count && members.Count > 0 : free.Count > 0)
            {
                result.Add(new FreeSlot(candidates[j], free.Count == everyone.Length ? everyone : free.ToArray()));
            }
        }

        return result;
    }

    /// <summary>Groups slots by the date their start falls on in <paramref name="displayZone"/>.</summary>
    public static IReadOnlyList<SlotDay> GroupByDay(IEnumerable<FreeSlot> slots, DateTimeZone displayZone) =>
        slots.GroupBy(s => s.Interval.Start.InZone(displayZone).Date)
            .OrderBy(g => g.Key)
            .Select(g => new SlotDay(g.Key, g.ToList()))
            .ToList();
}
