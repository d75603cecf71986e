using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class SlotGeneratorTests
{
    private const string NewYork = "America/New_York";
    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    [Fact]
    public void Slots_step_by_the_interval_and_fit_the_window()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), duration: 45, interval: 30);
        var starts = LocalStarts(rules, Wednesday);

        Assert.Equal(new LocalTime(9, 0), starts[0]);
        Assert.Equal(new LocalTime(16, 0), starts[^1]); // 16:30 + 45 min would end after 17:00
        Assert.Equal(15, starts.Count);
    }

    [Fact]
    public void Days_without_hours_have_no_slots()
    {
        Assert.Empty(LocalStarts(In(NewYork, Every(IsoDayOfWeek.Monday)), Wednesday));
    }

    [Fact]
    public void A_range_may_end_at_midnight()
    {
        var starts = LocalStarts(In(NewYork, Hours("22:00", "24:00", IsoDayOfWeek.Wednesday)), Wednesday);
        Assert.Equal([new LocalTime(22, 0), new LocalTime(22, 30), new LocalTime(23, 0), new LocalTime(23, 30)], starts);
    }

    [Fact]
    public void Minimum_notice_and_booking_window_bound_the_candidates()
    {
        var now = Local(NewYork, 2026, 12, 2, 10, 0);
        var rules = In(NewYork, AllDays("09:00", "17:00"), notice: 60, windowDays: 1);
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday.PlusDays(3), rules.Zone);
        var slots = SlotGenerator.Candidates(rules, start, end, now);

        Assert.Equal(now + Duration.FromHours(1), slots[0].Start);
        Assert.True(slots[^1].Start <= now + Duration.FromDays(1));
        Assert.Equal(now + Duration.FromDays(1), slots[^1].Start);
    }

    [Fact]
    public void Buffers_widen_the_slot_on_both_sides_against_busy_time()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), before: 10, after: 10);
        var busy = IntervalSet.From([new(Local(NewYork, 2026, 12, 2, 10, 0), Local(NewYork, 2026, 12, 2, 10, 30))]);
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone);
        var free = SlotGenerator.FreeSlots(rules, start, end, LongAgo, new Dictionary<string, IntervalSet> { ["u"] = busy }, SlotMode.AnyMember)
            .Select(s => s.Interval.Start.InZone(rules.Zone).TimeOfDay).ToList();

        Assert.DoesNotContain(new LocalTime(9, 30), free);
        Assert.DoesNotContain(new LocalTime(10, 0), free);
        Assert.DoesNotContain(new LocalTime(10, 30), free);
        Assert.Contains(new LocalTime(9, 0), free);
        Assert.Contains(new LocalTime(11, 0), free);
    }

    [Fact]
    public void Any_member_mode_names_the_free_members_and_all_members_mode_needs_everyone()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var ten = Local(NewYork, 2026, 12, 2, 10, 0);
        var busy = new Dictionary<string, IntervalSet>
        {
            ["ann"] = IntervalSet.From([new(ten, ten + Duration.FromMinutes(30))]),
            ["bob"] = IntervalSet.Empty,
        };
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone);

        var any = SlotGenerator.FreeSlots(rules, start, end, LongAgo, busy, SlotMode.AnyMember);
        var all = SlotGenerator.FreeSlots(rules, start, end, LongAgo, busy, SlotMode.AllMembers);

        Assert.Equal(["bob"], any.Single(s => s.Interval.Start == ten).UserIds);
        Assert.Equal(["ann", "bob"], any[0].UserIds);
        Assert.DoesNotContain(all, s => s.Interval.Start == ten);
        Assert.Equal(16, any.Count);
        Assert.Equal(15, all.Count);
    }

    [Theory]
    [InlineData(10, 0, 30, Availability.Available)]
    [InlineData(10, 7, 30, Availability.Available)]
    [InlineData(16, 45, 30, Availability.OutsideHours)]
    [InlineData(8, 45, 30, Availability.OutsideHours)]
    [InlineData(18, 0, 30, Availability.OutsideHours)]
    public void Check_accepts_any_interval_inside_a_window(int hour, int minute, int length, Availability expected)
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var start = Local(NewYork, 2026, 12, 2, hour, minute);
        Assert.Equal(expected, SlotGenerator.Check(rules, new TimeInterval(start, start + Duration.FromMinutes(length)), LongAgo));
    }

    [Fact]
    public void Check_reports_too_soon_and_too_far()
    {
        var rules = In(NewYork, AllDays("00:00", "24:00"), notice: 120, windowDays: 10);
        var now = Local(NewYork, 2026, 12, 2, 10, 0);
        TimeInterval At(Instant start) => new(start, start + Duration.FromMinutes(30));

        Assert.Equal(Availability.TooSoon, SlotGenerator.Check(rules, At(now + Duration.FromMinutes(90)), now));
        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, At(now + Duration.FromMinutes(120)), now));
        Assert.Equal(Availability.TooFar, SlotGenerator.Check(rules, At(now + Duration.FromDays(11)), now));
    }

    [Fact]
    public void Slots_are_grouped_by_the_display_zones_date()
    {
        // 09:00-17:00 New York is 23:00 (same day) to 07:00 (next day) in Tokyo.
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday, rules.Zone);
        var slots = SlotGenerator.FreeSlots(rules, start, end, LongAgo, new Dictionary<string, IntervalSet> { ["u"] = IntervalSet.Empty }, SlotMode.AnyMember);

        var days = SlotGenerator.GroupByDay(slots, DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);

        Assert.Equal([new LocalDate(2026, 12, 2), new LocalDate(2026, 12, 3)], days.Select(d => d.Date));
        Assert.Equal(2, days[0].Slots.Count);
        Assert.Equal(14, days[1].Slots.Count);
    }
}
