using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class FreeSlotTests
{
    private static readonly LocalDate Wednesday = new(2026, 12, 2);
    private static readonly Instant Ten = Local(NewYork, 2026, 12, 2, 10, 0);

    private static IReadOnlyList<FreeSlot> FreeOn(SlotRules rules, LocalDate date, IReadOnlyDictionary<string, IntervalSet> busy, SlotMode mode = SlotMode.AnyMember)
    {
        var (start, end) = SlotGenerator.DateRange(date, date, rules.Zone);
        return SlotGenerator.FreeSlots(rules, start, end, LongAgo, busy, mode);
    }

    private static List<LocalTime> FreeStarts(SlotRules rules, IntervalSet busy) =>
        FreeOn(rules, Wednesday, Busy(("u", busy))).Select(s => s.Interval.Start.InZone(rules.Zone).TimeOfDay).ToList();

    [Fact]
    public void Without_buffers_slots_right_before_and_after_a_busy_interval_are_free()
    {
        var free = FreeStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday)), BusyAt((Ten, 30)));

        Assert.Contains(new LocalTime(9, 30), free);
        Assert.DoesNotContain(new LocalTime(10, 0), free);
        Assert.Contains(new LocalTime(10, 30), free);
        Assert.Equal(15, free.Count);
    }

    [Fact]
    public void Buffers_widen_the_slot_on_both_sides_against_busy_time()
    {
        var free = FreeStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday), before: 10, after: 10), BusyAt((Ten, 30)));

        Assert.DoesNotContain(new LocalTime(9, 30), free); // its after-buffer runs to 10:10
        Assert.DoesNotContain(new LocalTime(10, 0), free);
        Assert.DoesNotContain(new LocalTime(10, 30), free); // its before-buffer starts at 10:20
        Assert.Contains(new LocalTime(9, 0), free);
        Assert.Contains(new LocalTime(11, 0), free);
    }

    [Fact]
    public void A_buffer_that_only_touches_busy_time_does_not_block()
    {
        var free = FreeStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday), before: 30, after: 30), BusyAt((Ten, 30)));

        Assert.Equal(Times("09:00", "11:00"), free.Where(t => t < new LocalTime(11, 30)).ToList());
    }

    [Fact]
    public void An_appointments_own_after_buffer_blocks_the_next_slot()
    {
        // API.md: a 10:00-10:30 booking with a 10-minute after-buffer is busy 10:00-10:40.
        var free = FreeStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday)), BusyAt((Ten, 40)));

        Assert.DoesNotContain(new LocalTime(10, 30), free);
        Assert.Contains(new LocalTime(11, 0), free);
    }

    [Fact]
    public void Buffers_cross_midnight_in_both_directions()
    {
        var rules = In(NewYork, AllDays("00:00", "24:00"), before: 15, after: 20);
        var midnight = Local(NewYork, 2026, 12, 3, 0, 0);
        var lateSlot = new TimeInterval(midnight - Duration.FromMinutes(30), midnight);
        var earlySlot = new TimeInterval(midnight, midnight + Duration.FromMinutes(30));

        Assert.False(SlotGenerator.IsFree(rules, lateSlot, BusyAt((midnight + Duration.FromMinutes(10), 30))));
        Assert.True(SlotGenerator.IsFree(rules, lateSlot, BusyAt((midnight + Duration.FromMinutes(20), 30))));
        Assert.False(SlotGenerator.IsFree(rules, earlySlot, BusyAt((midnight - Duration.FromMinutes(20), 10))));
        Assert.True(SlotGenerator.IsFree(rules, earlySlot, BusyAt((midnight - Duration.FromMinutes(25), 10))));

        var wednesday = FreeOn(rules, Wednesday, Busy(("u", BusyAt((midnight + Duration.FromMinutes(10), 30)))));
        Assert.Equal(midnight - Duration.FromHours(1), wednesday[^1].Interval.Start);
    }

    [Fact]
    public void Any_member_mode_names_the_free_members_and_all_members_mode_needs_everyone()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var busy = Busy(("bob", IntervalSet.Empty), ("ann", BusyAt((Ten, 30))));

        var any = FreeOn(rules, Wednesday, busy, SlotMode.AnyMember);
        var all = FreeOn(rules, Wednesday, busy, SlotMode.AllMembers);

        Assert.Equal(16, any.Count);
        Assert.Equal(["bob"], any.Single(s => s.Interval.Start == Ten).UserIds);
        Assert.Equal(["ann", "bob"], any[0].UserIds); // ordinal order, not the dictionary's
        Assert.Equal(15, all.Count);
        Assert.DoesNotContain(all, s => s.Interval.Start == Ten);
        Assert.All(all, s => Assert.Equal(["ann", "bob"], s.UserIds));
    }

    [Fact]
    public void All_members_mode_offers_nothing_when_one_member_is_busy_all_day()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var day = SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone);
        var busy = Busy(("ann", IntervalSet.Empty), ("bob", IntervalSet.From([day])));

        Assert.Empty(FreeOn(rules, Wednesday, busy, SlotMode.AllMembers));
        Assert.All(FreeOn(rules, Wednesday, busy, SlotMode.AnyMember), s => Assert.Equal(["ann"], s.UserIds));
    }

    [Theory]
    [InlineData(SlotMode.AnyMember)]
    [InlineData(SlotMode.AllMembers)]
    public void No_members_means_no_slots(SlotMode mode)
    {
        Assert.Empty(FreeOn(In(NewYork, Every(IsoDayOfWeek.Wednesday)), Wednesday, Busy(), mode));
    }

    [Fact]
    public void Combine_names_free_members_in_the_given_order()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var candidates = CandidatesOn(rules, Wednesday).Take(3).ToList();
        var members = new List<MemberFreedom>
        {
            new("zoe", [true, false, true]),
            new("amy", [true, true, false]),
        };

        var any = SlotGenerator.Combine(candidates, members, SlotMode.AnyMember);
        var all = SlotGenerator.Combine(candidates, members, SlotMode.AllMembers);

        Assert.Equal(new[] { new[] { "zoe", "amy" }, ["amy"], ["zoe"] }, any.Select(s => s.UserIds.ToArray()));
        Assert.Equal(candidates[0], Assert.Single(all).Interval);
    }

    [Fact]
    public void Combine_rejects_answers_for_a_different_number_of_candidates()
    {
        var candidates = CandidatesOn(In(NewYork, Every(IsoDayOfWeek.Wednesday)), Wednesday);

        Assert.Throws<ArgumentException>(() => SlotGenerator.Combine(candidates, [new MemberFreedom("u", [true])], SlotMode.AnyMember));
    }

    [Fact]
    public void Widened_applies_the_calendars_buffers_to_every_candidate()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), before: 5, after: 10);
        var candidates = CandidatesOn(rules, Wednesday);

        Assert.Equal(candidates.Select(c => c.Widen(Duration.FromMinutes(5), Duration.FromMinutes(10))), SlotGenerator.Widened(rules, candidates));
    }
}
