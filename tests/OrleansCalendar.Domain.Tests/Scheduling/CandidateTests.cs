using NodaTime;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class CandidateTests
{
    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    [Fact]
    public void Slots_step_by_the_interval_and_must_end_inside_the_window()
    {
        var starts = LocalStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday), duration: 45, interval: 30), Wednesday);

        Assert.Equal(15, starts.Count);
        Assert.Equal(new LocalTime(9, 0), starts[0]);
        Assert.Equal(new LocalTime(16, 0), starts[^1]); // 16:30 + 45 min would end after 17:00
    }

    [Fact]
    public void A_slot_ending_exactly_at_the_window_end_fits()
    {
        Assert.Equal(new LocalTime(16, 30), LocalStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday)), Wednesday)[^1]);
    }

    [Fact]
    public void Slot_interval_and_duration_are_independent()
    {
        var rules = In(NewYork, Hours("09:00", "11:00", IsoDayOfWeek.Wednesday), duration: 60, interval: 15);
        var slots = CandidatesOn(rules, Wednesday);

        Assert.Equal(Times("09:00", "09:15", "09:30", "09:45", "10:00"), TimesOfDay(rules, slots));
        Assert.All(slots, s => Assert.Equal(Duration.FromHours(1), s.Length));
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

        Assert.Equal(Times("22:00", "22:30", "23:00", "23:30"), starts);
    }

    [Fact]
    public void Two_ranges_in_a_day_leave_the_gap_between_them_empty()
    {
        var hours = new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("13:00", "14:00"), Range("09:00", "10:00")],
        });

        Assert.Equal(Times("09:00", "09:30", "13:00", "13:30"), LocalStarts(In(NewYork, hours), Wednesday));
    }

    [Fact]
    public void Touching_ranges_form_one_window_so_a_slot_may_span_the_seam()
    {
        var hours = new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("09:00", "10:00"), Range("10:00", "11:00")],
        });

        Assert.Equal(Times("09:00", "09:40", "10:20"), LocalStarts(In(NewYork, hours, duration: 40, interval: 40), Wednesday));
    }

    [Theory]
    [InlineData(60, "11:00")] // exactly now + notice is allowed
    [InlineData(61, "11:30")]
    [InlineData(0, "10:00")]
    public void Minimum_notice_removes_slots_that_start_too_soon(int notice, string firstStart)
    {
        var now = Local(NewYork, 2026, 12, 2, 10, 0);

        Assert.Equal(Times(firstStart)[0], LocalStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday), notice: notice), Wednesday, now)[0]);
    }

    [Fact]
    public void The_booking_window_includes_a_slot_starting_exactly_at_its_end()
    {
        var now = Local(NewYork, 2026, 12, 2, 10, 0);
        var rules = In(NewYork, AllDays("09:00", "17:00"), windowDays: 1);
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday.PlusDays(3), rules.Zone);

        var slots = SlotGenerator.Candidates(rules, start, end, now);

        Assert.Equal(now, slots[0].Start);
        Assert.Equal(now + Duration.FromDays(1), slots[^1].Start);
        Assert.Equal(14 + 3, slots.Count); // Wed 10:00-16:30 and Thu 09:00-10:00
    }

    [Fact]
    public void Weekly_slots_ignore_notice_and_window_so_they_can_be_cached_and_narrowed_per_request()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday), notice: 60, windowDays: 1);
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday.PlusDays(1), rules.Zone);
        var now = Local(NewYork, 2026, 12, 2, 10, 0);

        var weekly = SlotGenerator.WeeklySlots(rules, start, end);
        var narrowed = SlotGenerator.WithinHorizon(rules, weekly, now);

        Assert.Equal(32, weekly.Count);
        Assert.Equal(SlotGenerator.Candidates(rules, start, end, now), narrowed);
        Assert.Equal(now + Duration.FromHours(1), narrowed[0].Start);
        Assert.Equal(now + Duration.FromDays(1), narrowed[^1].Start);
    }

    [Fact]
    public void A_zero_day_booking_window_offers_only_a_slot_starting_now()
    {
        var now = Local(NewYork, 2026, 12, 2, 10, 0);
        var slots = CandidatesOn(In(NewYork, Every(IsoDayOfWeek.Wednesday), windowDays: 0), Wednesday, now);

        Assert.Equal(now, Assert.Single(slots).Start);
    }

    [Fact]
    public void The_requested_range_is_half_open()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var slots = SlotGenerator.Candidates(rules, Local(NewYork, 2026, 12, 2, 10, 0), Local(NewYork, 2026, 12, 2, 12, 0), LongAgo);

        Assert.Equal(Times("10:00", "10:30", "11:00", "11:30"), TimesOfDay(rules, slots));
    }

    [Fact]
    public void Candidates_are_sorted_across_windows_and_days()
    {
        var rules = In(Berlin, new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("18:00", "24:00")],
            [IsoDayOfWeek.Thursday] = [Range("00:00", "02:00"), Range("08:00", "09:00")],
        }));
        var (start, end) = SlotGenerator.DateRange(Wednesday, Wednesday.PlusDays(1), rules.Zone);

        var slots = SlotGenerator.Candidates(rules, start, end, LongAgo);

        Assert.Equal(12 + 4 + 2, slots.Count);
        Assert.Equal(slots.OrderBy(s => s.Start), slots);
    }

    [Fact]
    public void A_slot_longer_than_every_window_is_never_offered()
    {
        Assert.Empty(LocalStarts(In(NewYork, Every(IsoDayOfWeek.Wednesday), duration: 9 * 60), Wednesday));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(30, 0)]
    [InlineData(-30, 30)]
    public void Rules_without_a_positive_duration_and_interval_are_rejected(int duration, int interval)
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), duration: duration, interval: interval);

        Assert.NotEmpty(rules.Validate());
        Assert.Throws<ArgumentException>(() => CandidatesOn(rules, Wednesday));
    }

    [Fact]
    public void Negative_buffers_notice_or_window_are_invalid()
    {
        Assert.Empty(In(NewYork, Every(IsoDayOfWeek.Wednesday)).Validate());
        Assert.Equal(3, In(NewYork, Every(IsoDayOfWeek.Wednesday), before: -1, notice: -1, windowDays: -1).Validate().Count);
    }

    [Fact]
    public void Date_range_rejects_a_last_day_before_the_first()
    {
        Assert.Throws<ArgumentException>(() => SlotGenerator.DateRange(Wednesday, Wednesday.PlusDays(-1), Zone(NewYork)));
    }
}
