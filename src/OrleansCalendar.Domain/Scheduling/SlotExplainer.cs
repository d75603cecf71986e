using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// Says for every slot of a day whether free slots offer it, and if not, every reason why. It applies the very tests
/// free slots apply (<see cref="SlotGenerator.WeeklySlots"/>, <see cref="SlotGenerator.HorizonBreaks"/>,
/// <see cref="SlotGenerator.IsFree"/> on the buffered slot, <see cref="SlotGenerator.IsOffered"/>), so a slot is
/// bookable exactly when free slots offer it; the busy items only name what made a member busy.
/// </summary>
/// <remarks>
/// The slots of a day are its grid positions, every slot interval in local time from 00:00 in the display zone (a
/// local time in a spring-forward gap has none, an ambiguous one is its earlier instant), together with every slot
/// of the calendar's own grid that starts on that date, so that each slot free slots can offer is explained even when
/// the calendar's windows or zone do not sit on the display zone's grid.
/// </remarks>
public static class SlotExplainer
{
    /// <summary>The time whose busy items can touch a slot of the day: its slots widened by the buffers.</summary>
    public static TimeInterval BusyWindow(SlotRules rules, LocalDate date, DateTimeZone displayZone)
    {
        var (start, end) = SlotGenerator.DateRange(date, date, displayZone);
        return new TimeInterval(start - rules.BufferBefore, end + rules.SlotDuration + rules.BufferAfter);
    }

    /// <summary>
    /// Every slot of <paramref name="date"/> in <paramref name="displayZone"/>, by start, explained against the busy
    /// items of <paramref name="members"/> (which must cover <see cref="BusyWindow"/>) as <paramref name="mode"/>
    /// combines them. More than one member is a team: a busy member is named by a <see cref="SlotReasonCode.MemberBusy"/>
    /// before its own reasons, and when one free member would do, <see cref="SlotReasonCode.NoMemberFree"/> comes first.
    /// </summary>
    public static IReadOnlyList<SlotExplanation> ExplainDay(
        SlotRules rules,
        LocalDate date,
        DateTimeZone displayZone,
        Instant now,
        IReadOnlyList<MemberBusy> members,
        SlotMode mode)
    {
        var (dayStart, dayEnd) = SlotGenerator.DateRange(date, date, displayZone);
        var grid = SlotGenerator.WeeklySlots(rules, dayStart, dayEnd).Select(s => s.Start).ToHashSet();
        var busy = members.Select(m => IntervalSet.From(m.Items.Select(i => i.Blocked))).ToArray();
        var explanations = new List<SlotExplanation>();
        foreach (var start in DayPositions(rules, date, displayZone).Union(grid).Order())
        {
            var slot = new TimeInterval(start, start + rules.SlotDuration);
            var hours = grid.Contains(start) ? RuleBreaks.None
                : SlotGenerator.InsideHours(rules, slot) ? RuleBreaks.OffGrid
                : RuleBreaks.OutsideHours;
            var breaks = hours | SlotGenerator.HorizonBreaks(rules, start, now);
            var free = busy.Select(b => SlotGenerator.IsFree(rules, slot, b)).ToArray();
            var offered = SlotGenerator.IsOffered(mode, free.Count(f => f), members.Count);
            var bookable = breaks == RuleBreaks.None && offered;
            explanations.Add(new SlotExplanation(slot, bookable, bookable ? [] : Reasons(rules, slot, now, breaks, offered ? null : free, members, mode)));
        }

        return explanations;
    }

    /// <summary>The day's local grid from 00:00, every slot interval, as instants (gap times have none).</summary>
    private static IEnumerable<Instant> DayPositions(SlotRules rules, LocalDate date, DateTimeZone zone)
    {
        var midnight = date.AtMidnight();
        for (var offset = Duration.Zero; offset < Duration.FromDays(1); offset += rules.SlotInterval)
        {
            if (DaylightSaving.SlotStart(midnight.PlusNanoseconds(offset.ToInt64Nanoseconds()), zone) is { } start)
            {
                yield return start;
            }
        }
    }

    /// <summary>Every reason a slot is not offered; <paramref name="free"/> is null when its members would do.</summary>
    private static List<SlotReason> Reasons(SlotRules rules, TimeInterval slot, Instant now, RuleBreaks breaks, bool[]? free, IReadOnlyList<MemberBusy> members, SlotMode mode)
    {
        var reasons = new List<SlotReason>();
        if (breaks.HasFlag(RuleBreaks.OutsideHours))
        {
            reasons.Add(new SlotReason(SlotReasonCode.OutsideHours));
        }

        if (breaks.HasFlag(RuleBreaks.OffGrid))
        {
            reasons.Add(new SlotReason(SlotReasonCode.OffGrid));
        }

        if (breaks.HasFlag(RuleBreaks.MinimumNotice))
        {
            reasons.Add(new SlotReason(SlotReasonCode.MinimumNotice, Start: now, End: now + rules.MinimumNotice));
        }

        if (breaks.HasFlag(RuleBreaks.BeyondBookingWindow))
        {
            reasons.Add(new SlotReason(SlotReasonCode.BeyondBookingWindow, Start: now + Duration.FromDays(rules.BookingWindowDays)));
        }

        if (free is null)
        {
            return reasons;
        }

        var team = members.Count != 1;
        if (team && mode == SlotMode.AnyMember)
        {
            reasons.Add(new SlotReason(SlotReasonCode.NoMemberFree));
        }

        var widened = SlotGenerator.Widened(rules, slot);
        for (var i = 0; i < members.Count; i++)
        {
            if (free[i])
            {
                continue;
            }

            var owner = members[i].OwnerId;
            if (team)
            {
                reasons.Add(new SlotReason(SlotReasonCode.MemberBusy, owner));
            }

            foreach (var item in members[i].Items.Where(item => item.Blocked.Overlaps(widened)).OrderBy(item => item.Time.Start))
            {
                var code = item switch
                {
                    AppointmentBusyItem when item.Time.Overlaps(slot) => SlotReasonCode.Appointment,
                    AppointmentBusyItem => SlotReasonCode.AppointmentBuffer,
                    _ => SlotReasonCode.ExternalBusy,
                };
                reasons.Add(new SlotReason(code, owner, item.Time.Start, item.Time.End, item));
            }
        }

        return reasons;
    }
}
