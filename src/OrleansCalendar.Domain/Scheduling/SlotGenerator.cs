using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// Turns a calendar's <see cref="SlotRules"/> into bookable slots, and checks booking requests against them.
/// </summary>
/// <remarks>
/// <para>
/// <b>Local-time grid.</b> Slot starts step by the slot interval in the calendar's LOCAL time from the nominal
/// start of each weekly-hours window, so a 09:00–17:00 day in America/New_York offers 09:00, 09:30, … 16:30
/// local on both sides of a daylight-saving switch, and the grid is the same local times every day. A slot
/// lasts the slot duration in elapsed time and must end inside its window.
/// </para>
/// <para>
/// <b>Daylight saving.</b> A slot start whose local time does not exist (spring-forward gap, e.g. 02:30 on
/// 2026-03-08 in New York) is skipped. An ambiguous local start (fall-back, e.g. 01:30 on 2026-11-01 in New York)
/// is its earlier instant, the first occurrence, so a local slot is never offered twice. Window bounds resolve the
/// same way: a bound inside a gap moves to the first instant after the gap, an ambiguous bound is the earlier
/// instant, and "24:00" is the start of the next day. Windows never cross midnight. A window whose start fell in a
/// gap still keeps its grid anchored at the nominal start (02:30 with a 45-minute step gives 03:15, 04:00, …),
/// while <see cref="Check"/> accepts anything inside the moved window.
/// </para>
/// <para>
/// <b>Limits.</b> A slot is offered when its start is at or after now + minimum notice, at or before now +
/// booking-window days (24-hour days), in the requested range [rangeStart, rangeEnd), and — for
/// <see cref="FreeSlots"/> — when the slot widened by the calendar's buffers overlaps no busy interval. The
/// busy sets already include each appointment's own buffers (see docs/scheduling-rules.md).
/// </para>
/// </remarks>
public static class SlotGenerator
{
    /// <summary>
    /// The instants of the inclusive dates <paramref name="firstDay"/>..<paramref name="lastDay"/> in
    /// <paramref name="zone"/>: [start of the first day, start of the day after the last). Days start at
    /// <see cref="DateTimeZone.AtStartOfDay"/>, which is after the gap when midnight does not exist.
    /// Deconstructs as <c>var (rangeStart, rangeEnd) = …</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="lastDay"/> is before <paramref name="firstDay"/>.</exception>
    public static TimeInterval DateRange(LocalDate firstDay, LocalDate lastDay, DateTimeZone zone)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException($"The last day {lastDay} is before the first day {firstDay}.", nameof(lastDay));
        }

        return new TimeInterval(zone.AtStartOfDay(firstDay).ToInstant(), zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant());
    }

    /// <summary>
    /// Every slot the rules allow with a start in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>),
    /// ignoring busy time, sorted by start: <see cref="WeeklySlots"/> narrowed by <see cref="WithinHorizon"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When <see cref="SlotRules.Validate"/> finds problems.</exception>
    public static IReadOnlyList<TimeInterval> Candidates(SlotRules rules, Instant rangeStart, Instant rangeEnd, Instant now) =>
        WithinHorizon(rules, WeeklySlots(rules, rangeStart, rangeEnd), now);

    /// <summary>
    /// The slots of the weekly hours with a start in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>),
    /// sorted by start, before minimum notice and booking window are applied. It depends only on the rules and the
    /// range, so callers may cache it and apply <see cref="WithinHorizon"/> per request.
    /// </summary>
    /// <exception cref="ArgumentException">When <see cref="SlotRules.Validate"/> finds problems.</exception>
    public static IReadOnlyList<TimeInterval> WeeklySlots(SlotRules rules, Instant rangeStart, Instant rangeEnd)
    {
        EnsureValid(rules);
        var slots = new List<TimeInterval>();
        if (rangeStart >= rangeEnd)
        {
            return slots;
        }

        var zone = rules.Zone;
        var lastDay = rangeEnd.InZone(zone).Date;
        for (var date = rangeStart.InZone(zone).Date.PlusDays(-1); date <= lastDay; date = date.PlusDays(1))
        {
            // Windows come sorted, disjoint and inside their own date, so slots come out sorted without a sort.
            foreach (var range in rules.Hours.For(date.DayOfWeek))
            {
                var window = WeeklyHours.Window(date, range, zone);
                if (window.End > rangeStart && window.Start < rangeEnd)
                {
                    AddWindowSlots(slots, rules, date, range, window, rangeStart, rangeEnd);
                }
            }
        }

        return slots;
    }

    /// <summary>
    /// The <paramref name="slots"/> (in order) that start at or after now + minimum notice and at or before now +
    /// booking-window days.
    /// </summary>
    public static IReadOnlyList<TimeInterval> WithinHorizon(SlotRules rules, IReadOnlyList<TimeInterval> slots, Instant now)
    {
        var result = new List<TimeInterval>(slots.Count);
        foreach (var slot in slots)
        {
            if (HorizonBreaks(rules, slot.Start, now) == RuleBreaks.None)
            {
                result.Add(slot);
            }
        }

        return result;
    }

    /// <summary>
    /// The horizon rules a start breaks: earlier than now + minimum notice, or later than now + booking-window days.
    /// The one test behind <see cref="WithinHorizon"/>, <see cref="Check"/> and <see cref="SlotExplainer"/>.
    /// </summary>
    public static RuleBreaks HorizonBreaks(SlotRules rules, Instant start, Instant now)
    {
        var breaks = start < now + rules.MinimumNotice ? RuleBreaks.MinimumNotice : RuleBreaks.None;
        return start > now + Duration.FromDays(rules.BookingWindowDays) ? breaks | RuleBreaks.BeyondBookingWindow : breaks;
    }

    /// <summary>Whether <paramref name="slot"/> lies wholly inside one weekly-hours window (on the slot grid or not).</summary>
    public static bool InsideHours(SlotRules rules, TimeInterval slot)
    {
        var day = slot.Start.InZone(rules.Zone).Date;
        return rules.Hours.Expand(day.PlusDays(-1), day, rules.Zone).Any(window => window.Covers(slot));
    }

    /// <summary>
    /// Whether a slot is offered when <paramref name="free"/> of its <paramref name="members"/> are free: with
    /// <see cref="SlotMode.AnyMember"/> when someone is, with <see cref="SlotMode.AllMembers"/> when everyone is. No
    /// members, no slot. The one rule behind <see cref="Combine"/> and <see cref="SlotExplainer"/>.
    /// </summary>
    public static bool IsOffered(SlotMode mode, int free, int members) =>
        free > 0 && (mode == SlotMode.AnyMember || free == members);

    /// <summary>
    /// The first instant after <paramref name="now"/> at which <see cref="WithinHorizon"/> of the same slots can give
    /// another answer: when the earliest slot it keeps falls inside the minimum notice, or the first slot beyond the
    /// booking window comes into it. Until then, an answer computed at <paramref name="now"/> is still the answer.
    /// </summary>
    public static Instant HorizonChangesAt(SlotRules rules, IReadOnlyList<TimeInterval> slots, Instant now)
    {
        var earliest = now + rules.MinimumNotice;
        var window = Duration.FromDays(rules.BookingWindowDays);
        var latest = now + window;
        var changesAt = Instant.MaxValue;
        foreach (var slot in slots)
        {
            if (slot.Start >= earliest && slot.Start <= latest)
            {
                // Kept until now + notice passes its start.
                changesAt = Instant.Min(changesAt, slot.Start - rules.MinimumNotice + Duration.Epsilon);
            }
            else if (slot.Start > latest)
            {
                changesAt = Instant.Min(changesAt, slot.Start - window);
            }
        }

        return changesAt;
    }

    /// <summary>
    /// Whether <paramref name="requested"/> may be booked under the rules, ignoring busy time. It must lie wholly
    /// inside one weekly-hours window (it need not be on the slot grid), start at or after now + minimum notice
    /// and at or before now + booking-window days. Reasons are checked in that order.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="requested"/> is empty or the rules are invalid.</exception>
    public static Availability Check(SlotRules rules, TimeInterval requested, Instant now)
    {
        EnsureValid(rules);
        if (requested.IsEmpty)
        {
            throw new ArgumentException("A booking needs a non-empty interval.", nameof(requested));
        }

        if (!InsideHours(rules, requested))
        {
            return Availability.OutsideHours;
        }

        var breaks = HorizonBreaks(rules, requested.Start, now);
        return breaks.HasFlag(RuleBreaks.MinimumNotice) ? Availability.TooSoon
            : breaks.HasFlag(RuleBreaks.BeyondBookingWindow) ? Availability.TooFar
            : Availability.Available;
    }

    /// <summary>Whether <paramref name="slot"/>, widened by the calendar's buffers, overlaps nothing in <paramref name="busy"/>. O(log n).</summary>
    public static bool IsFree(SlotRules rules, TimeInterval slot, IntervalSet busy) => busy.IsFree(Widened(rules, slot));

    /// <summary>The slot grown by the calendar's buffers: what must not overlap busy time.</summary>
    public static TimeInterval Widened(SlotRules rules, TimeInterval slot) => slot.Widen(rules.BufferBefore, rules.BufferAfter);

    /// <summary>
    /// The candidate slots in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>) that are free for the
    /// members of <paramref name="busyByUser"/> as <paramref name="mode"/> requires, sorted by start. Members are
    /// considered, and named in <see cref="FreeSlot.UserIds"/>, in ordinal order of their ids. No members, no slots.
    /// </summary>
    public static IReadOnlyList<FreeSlot> FreeSlots(
        SlotRules rules,
        Instant rangeStart,
        Instant rangeEnd,
        Instant now,
        IReadOnlyDictionary<string, IntervalSet> busyByUser,
        SlotMode mode)
    {
        var candidates = Candidates(rules, rangeStart, rangeEnd, now);
        var widened = Widened(rules, candidates);
        var members = new List<MemberFreedom>(busyByUser.Count);
        foreach (var (userId, busy) in busyByUser.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var free = new bool[widened.Count];
            for (var j = 0; j < free.Length; j++)
            {
                free[j] = busy.IsFree(widened[j]);
            }

            members.Add(new MemberFreedom(userId, free));
        }

        return Combine(candidates, members, mode);
    }

    /// <summary>
    /// The candidates widened by the calendar's buffers, in the same order: what must not overlap busy time.
    /// For callers whose busy sets live elsewhere (one availability grain per member).
    /// </summary>
    public static IReadOnlyList<TimeInterval> Widened(SlotRules rules, IReadOnlyList<TimeInterval> candidates)
    {
        var widened = new TimeInterval[candidates.Count];
        for (var j = 0; j < widened.Length; j++)
        {
            widened[j] = Widened(rules, candidates[j]);
        }

        return widened;
    }

    /// <summary>
    /// Turns per-member answers (member i is free for candidate j) into offered slots: with
    /// <see cref="SlotMode.AnyMember"/> when someone is free, naming who in the order of
    /// <paramref name="members"/>; with <see cref="SlotMode.AllMembers"/> only when everyone is. No members, no slots.
    /// </summary>
    /// <exception cref="ArgumentException">When a member has not answered for exactly the candidates.</exception>
    public static IReadOnlyList<FreeSlot> Combine(IReadOnlyList<TimeInterval> candidates, IReadOnlyList<MemberFreedom> members, SlotMode mode)
    {
        if (members.FirstOrDefault(m => m.Free.Length != candidates.Count) is { } mismatch)
        {
            throw new ArgumentException($"{mismatch.UserId} answered for {mismatch.Free.Length} candidates, not {candidates.Count}.", nameof(members));
        }

        var result = new List<FreeSlot>();
        if (members.Count == 0)
        {
            return result;
        }

        // Neighbouring slots usually have the same free members: share one id list instead of one per slot.
        var everyone = members.Select(m => m.UserId).ToArray();
        var previous = everyone;
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

            if (!IsOffered(mode, free.Count, everyone.Length))
            {
                continue;
            }

            if (free.Count == everyone.Length)
            {
                result.Add(new FreeSlot(candidates[j], everyone));
                continue;
            }

            if (!free.SequenceEqual(previous))
            {
                previous = [.. free];
            }

            result.Add(new FreeSlot(candidates[j], previous));
        }

        return result;
    }

    /// <summary>
    /// Groups slots by the date their start falls on in <paramref name="displayZone"/> (which need not be the
    /// calendar's), dates ascending and slots by start. Dates without slots are left out.
    /// </summary>
    public static IReadOnlyList<SlotDay> GroupByDay(IEnumerable<FreeSlot> slots, DateTimeZone displayZone) =>
        slots.OrderBy(s => s.Interval.Start)
            .GroupBy(s => s.Interval.Start.InZone(displayZone).Date)
            .OrderBy(g => g.Key)
            .Select(g => new SlotDay(g.Key, g.ToArray()))
            .ToArray();

    private static void AddWindowSlots(
        List<TimeInterval> slots,
        SlotRules rules,
        LocalDate date,
        LocalTimeRange range,
        TimeInterval window,
        Instant rangeStart,
        Instant rangeEnd)
    {
        var midnight = date.AtMidnight();
        for (var offset = range.StartOffset; offset < range.EndOffset; offset += rules.SlotInterval)
        {
            if (DaylightSaving.SlotStart(midnight.PlusNanoseconds(offset.ToInt64Nanoseconds()), rules.Zone) is not { } start)
            {
                continue;
            }

            var slot = new TimeInterval(start, start + rules.SlotDuration);
            if (slot.End > window.End || start >= rangeEnd)
            {
                // Later local starts are never earlier instants, so nothing after this fits either.
                break;
            }

            if (start >= rangeStart && window.Covers(slot))
            {
                slots.Add(slot);
            }
        }
    }

    private static void EnsureValid(SlotRules rules)
    {
        var errors = rules.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(rules));
        }
    }
}
