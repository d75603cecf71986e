using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class ExplanationTests
{
    private static readonly LocalDate Wednesday = new(2026, 12, 2);
    private static readonly Instant Ten = Local(NewYork, 2026, 12, 2, 10, 0);

    private static IReadOnlyList<SlotExplanation> Explain(SlotRules rules, SlotMode mode = SlotMode.AnyMember, Instant? now = null, DateTimeZone? display = null, LocalDate? date = null, params MemberBusy[] members) =>
        SlotExplainer.ExplainDay(rules, date ?? Wednesday, display ?? rules.Zone, now ?? LongAgo, members, mode);

    private static SlotExplanation At(IReadOnlyList<SlotExplanation> day, int hour, int minute = 0) =>
        day.Single(e => e.Slot.Start == Local(NewYork, 2026, 12, 2, hour, minute));

    private static List<SlotReasonCode> Codes(SlotExplanation e) => e.Reasons.Select(r => r.Code).ToList();

    private static AppointmentBusyItem Appointment(string id, Instant start, int minutes, int after = 0)
    {
        var time = new TimeInterval(start, start + Duration.FromMinutes(minutes));
        return new AppointmentBusyItem(id, "cal_a", time, time.Widen(Duration.Zero, Duration.FromMinutes(after)));
    }

    [Fact]
    public void Every_half_hour_of_the_day_is_listed_and_only_the_free_ones_inside_the_hours_are_bookable()
    {
        var day = Explain(In(NewYork, Every(IsoDayOfWeek.Wednesday)), members: [new MemberBusy("u", [])]);

        Assert.Equal(48, day.Count);
        Assert.Equal(Enumerable.Range(18, 16), day.Select((e, i) => (e, i)).Where(x => x.e.Bookable).Select(x => x.i));
        Assert.Equal([SlotReasonCode.OutsideHours], Codes(At(day, 8, 30)));
        Assert.Equal([SlotReasonCode.OutsideHours], Codes(At(day, 17)));
    }

    [Fact]
    public void An_appointment_blocks_its_own_time_and_its_buffer_blocks_the_next_start()
    {
        var booked = Appointment("apt_1", Ten, 30, after: 10);

        var day = Explain(In(NewYork, Every(IsoDayOfWeek.Wednesday)), members: [new MemberBusy("u", [booked])]);

        var ten = Assert.Single(At(day, 10).Reasons);
        Assert.Equal(new SlotReason(SlotReasonCode.Appointment, "u", Ten, Ten + Duration.FromMinutes(30), booked), ten);
        Assert.Equal([SlotReasonCode.AppointmentBuffer], Codes(At(day, 10, 30)));
        Assert.True(At(day, 9, 30).Bookable);
        Assert.True(At(day, 11).Bookable);
    }

    [Fact]
    public void The_calendars_own_buffer_reaching_an_appointment_is_a_buffer_reason()
    {
        var day = Explain(In(NewYork, Every(IsoDayOfWeek.Wednesday), before: 15), members: [new MemberBusy("u", [Appointment("apt_1", Ten - Duration.FromMinutes(30), 20)])]);

        Assert.Equal([SlotReasonCode.Appointment], Codes(At(day, 9, 30)));
        Assert.Equal([SlotReasonCode.AppointmentBuffer], Codes(At(day, 10)));
    }

    [Fact]
    public void Every_rule_a_slot_breaks_is_listed_with_the_busy_time_behind_it()
    {
        // The day before at 09:45: 23 hours' notice reach 08:45, a one-day window ends at 09:45.
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), notice: 23 * 60, windowDays: 1);
        var now = Local(NewYork, 2026, 12, 1, 9, 45);
        var outlook = new ExternalBusyItem("AAMkWork", "tentative", "Dentist", new TimeInterval(Ten - Duration.FromHours(3), Ten));

        var day = Explain(rules, now: now, members: [new MemberBusy("u", [outlook])]);

        var eight = At(day, 8);
        Assert.Equal([SlotReasonCode.OutsideHours, SlotReasonCode.MinimumNotice, SlotReasonCode.ExternalBusy], Codes(eight));
        Assert.Equal((now, now + Duration.FromHours(23)), (eight.Reasons[1].Start, eight.Reasons[1].End));
        Assert.Same(outlook, eight.Reasons[2].Item);
        Assert.Equal([SlotReasonCode.ExternalBusy], Codes(At(day, 9, 30)));
        Assert.Equal([SlotReasonCode.BeyondBookingWindow], Codes(At(day, 10)));
        Assert.Equal(now + Duration.FromDays(1), At(day, 10).Reasons[0].Start);
    }

    [Fact]
    public void A_time_inside_the_hours_but_off_the_windows_grid_is_listed_as_off_the_grid()
    {
        var rules = In(NewYork, Hours("09:10", "17:00", IsoDayOfWeek.Wednesday));

        var day = Explain(rules, members: [new MemberBusy("u", [])]);

        Assert.Equal([SlotReasonCode.OffGrid], Codes(At(day, 9, 30)));
        Assert.True(At(day, 9, 10).Bookable);
        Assert.True(At(day, 16, 10).Bookable);
        Assert.Equal([SlotReasonCode.OffGrid], Codes(At(day, 16, 30)));
        Assert.Equal([SlotReasonCode.OutsideHours], Codes(At(day, 9)));
        Assert.Equal([SlotReasonCode.OutsideHours], Codes(At(day, 17)));
        Assert.DoesNotContain(day, e => e.Slot.Start == Local(NewYork, 2026, 12, 2, 16, 40)); // the window's grid, but it does not fit
    }

    [Fact]
    public void A_round_robin_slot_names_every_busy_member_when_none_is_free()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var ann = new MemberBusy("ann", [Appointment("apt_1", Ten, 30)]);
        var bob = new MemberBusy("bob", [new ExternalBusyItem("AAMk", "busy", null, new TimeInterval(Ten, Ten + Duration.FromHours(1)))]);

        var day = Explain(rules, SlotMode.AnyMember, members: [ann, bob]);

        Assert.Equal(
            new (SlotReasonCode, string?)[] { (SlotReasonCode.NoMemberFree, null), (SlotReasonCode.MemberBusy, "ann"), (SlotReasonCode.Appointment, "ann"), (SlotReasonCode.MemberBusy, "bob"), (SlotReasonCode.ExternalBusy, "bob") },
            At(day, 10).Reasons.Select(r => (r.Code, r.OwnerId)));
        Assert.True(At(day, 10, 30).Bookable); // ann is free again
    }

    [Fact]
    public void A_collective_slot_names_only_the_members_who_are_busy()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));

        var day = Explain(rules, SlotMode.AllMembers, members: [new MemberBusy("ann", []), new MemberBusy("bob", [Appointment("apt_1", Ten, 30)])]);

        Assert.Equal(new (SlotReasonCode, string?)[] { (SlotReasonCode.MemberBusy, "bob"), (SlotReasonCode.Appointment, "bob") }, At(day, 10).Reasons.Select(r => (r.Code, r.OwnerId)));
    }

    [Fact]
    public void A_spring_forward_day_lists_no_slot_for_local_times_that_do_not_exist()
    {
        var rules = In(NewYork, AllDays("00:00", "24:00"));

        var day = Explain(rules, date: new LocalDate(2026, 3, 8), members: [new MemberBusy("u", [])]);

        Assert.Equal(46, day.Count);
        Assert.DoesNotContain(day, e => e.Slot.Start.InZone(rules.Zone).Hour == 2);
        Assert.All(day, e => Assert.True(e.Bookable));
    }

    [Fact]
    public void A_day_shown_in_another_zone_lists_its_own_grid_and_the_calendars_slots_that_start_on_it()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), duration: 60, interval: 60);
        var kathmandu = Zone("Asia/Kathmandu");

        // 09:00-17:00 New York is 19:45 Wednesday to 03:45 Thursday in Kathmandu: an hourly grid there is off by 45 minutes.
        var day = Explain(rules, display: kathmandu, members: [new MemberBusy("u", [])]);

        Assert.Equal(24 + 5, day.Count);
        Assert.Equal(Times("19:45", "20:45", "21:45", "22:45", "23:45"), day.Where(e => e.Bookable).Select(e => e.Slot.Start.InZone(kathmandu).TimeOfDay).ToList());
        Assert.Equal([SlotReasonCode.OffGrid], Codes(day.Single(e => e.Slot.Start.InZone(kathmandu).TimeOfDay == new LocalTime(20, 0))));
    }
}
