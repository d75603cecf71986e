using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class GroupByDayTests
{
    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    private static IReadOnlyList<FreeSlot> Free(SlotRules rules, TimeInterval range) =>
        SlotGenerator.FreeSlots(rules, range.Start, range.End, LongAgo, Busy(("u", IntervalSet.Empty)), SlotMode.AnyMember);

    [Fact]
    public void New_York_hours_shown_in_Tokyo_spill_into_the_next_date()
    {
        // 09:00-17:00 in New York (UTC-5) is 23:00 the same day to 07:00 the next day in Tokyo (UTC+9).
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));

        var days = SlotGenerator.GroupByDay(Free(rules, SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone)), Zone("Asia/Tokyo"));

        Assert.Equal([Wednesday, Wednesday.PlusDays(1)], days.Select(d => d.Date));
        Assert.Equal(2, days[0].Slots.Count);
        Assert.Equal(14, days[1].Slots.Count);
    }

    [Fact]
    public void A_Tokyo_date_asked_of_a_New_York_calendar_holds_slots_of_two_New_York_days()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday));
        var tokyo = Zone("Asia/Tokyo");
        var thursdayInTokyo = Wednesday.PlusDays(1);

        var days = SlotGenerator.GroupByDay(Free(rules, SlotGenerator.DateRange(thursdayInTokyo, thursdayInTokyo, tokyo)), tokyo);

        var day = Assert.Single(days);
        Assert.Equal(thursdayInTokyo, day.Date);
        Assert.Equal(16, day.Slots.Count); // Wednesday 10:00-16:30 and Thursday 09:00, 09:30 in New York
        Assert.Equal(new LocalDateTime(2026, 12, 3, 0, 0), day.Slots[0].Interval.Start.InZone(tokyo).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 12, 3, 23, 30), day.Slots[^1].Interval.Start.InZone(tokyo).LocalDateTime);
    }

    [Fact]
    public void Across_the_date_line_a_slot_can_land_on_the_previous_date()
    {
        // Kiritimati (UTC+14) to Pago Pago (UTC-11) is 25 hours back.
        var rules = In("Pacific/Kiritimati", Every(IsoDayOfWeek.Wednesday));

        var days = SlotGenerator.GroupByDay(Free(rules, SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone)), Zone("Pacific/Pago_Pago"));

        var day = Assert.Single(days);
        Assert.Equal(Wednesday.PlusDays(-1), day.Date);
        Assert.Equal(new LocalTime(8, 0), day.Slots[0].Interval.Start.InZone(Zone("Pacific/Pago_Pago")).TimeOfDay);
    }

    [Fact]
    public void Slots_are_ordered_by_start_within_a_day_whatever_the_input_order()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var slots = Free(rules, SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone));

        var days = SlotGenerator.GroupByDay(slots.Reverse(), rules.Zone);

        Assert.Equal(slots, Assert.Single(days).Slots);
    }

    [Fact]
    public void No_slots_means_no_days()
    {
        Assert.Empty(SlotGenerator.GroupByDay([], Zone(NewYork)));
    }
}
