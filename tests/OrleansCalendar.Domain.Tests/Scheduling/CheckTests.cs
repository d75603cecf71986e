using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class CheckTests
{
    private static TimeInterval Minutes(Instant start, int minutes) => new(start, start + Duration.FromMinutes(minutes));

    [Theory]
    [InlineData(10, 0, 30, Availability.Available)]
    [InlineData(10, 7, 30, Availability.Available)] // off the slot grid
    [InlineData(9, 0, 480, Availability.Available)] // the whole window
    [InlineData(16, 30, 30, Availability.Available)] // ends exactly at 17:00
    [InlineData(16, 45, 30, Availability.OutsideHours)] // ends after 17:00
    [InlineData(8, 45, 30, Availability.OutsideHours)] // starts before 09:00
    [InlineData(18, 0, 30, Availability.OutsideHours)]
    public void A_request_must_lie_inside_a_window(int hour, int minute, int length, Availability expected)
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));

        Assert.Equal(expected, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 2, hour, minute), length), LongAgo));
    }

    [Fact]
    public void A_request_spanning_two_separate_windows_is_outside_hours()
    {
        var rules = In(NewYork, new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("09:00", "12:00"), Range("12:30", "17:00")],
        }));

        Assert.Equal(Availability.OutsideHours, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 2, 11, 45), 60), LongAgo));
    }

    [Fact]
    public void A_request_across_touching_ranges_is_inside_hours()
    {
        var rules = In(NewYork, new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("09:00", "12:00"), Range("12:00", "17:00")],
        }));

        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 2, 11, 45), 30), LongAgo));
    }

    [Fact]
    public void Windows_never_cross_midnight()
    {
        var rules = In(NewYork, new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Wednesday] = [Range("18:00", "24:00")],
            [IsoDayOfWeek.Thursday] = [Range("00:00", "06:00")],
        }));

        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 2, 23, 30), 30), LongAgo));
        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 3, 0, 0), 30), LongAgo));
        Assert.Equal(Availability.OutsideHours, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 12, 2, 23, 45), 30), LongAgo));
    }

    [Theory]
    [InlineData(119, Availability.TooSoon)]
    [InlineData(120, Availability.Available)] // exactly the notice
    [InlineData((10 * 24 * 60) - 1, Availability.Available)]
    [InlineData(10 * 24 * 60, Availability.Available)] // exactly the window
    [InlineData((10 * 24 * 60) + 1, Availability.TooFar)]
    public void Notice_and_booking_window_are_inclusive_bounds(int minutesFromNow, Availability expected)
    {
        var rules = In(NewYork, AllDays("00:00", "24:00"), notice: 120, windowDays: 10);
        var now = Local(NewYork, 2026, 12, 2, 10, 0);

        Assert.Equal(expected, SlotGenerator.Check(rules, Minutes(now + Duration.FromMinutes(minutesFromNow), 30), now));
    }

    [Fact]
    public void Outside_hours_is_reported_before_too_soon()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday), notice: 24 * 60);
        var now = Local(NewYork, 2026, 12, 2, 7, 0);

        Assert.Equal(Availability.OutsideHours, SlotGenerator.Check(rules, Minutes(now + Duration.FromHours(1), 30), now));
        Assert.Equal(Availability.TooSoon, SlotGenerator.Check(rules, Minutes(now + Duration.FromHours(3), 30), now));
    }

    [Fact]
    public void An_empty_request_is_a_programming_error()
    {
        var rules = In(NewYork, Every(IsoDayOfWeek.Wednesday));
        var ten = Local(NewYork, 2026, 12, 2, 10, 0);

        Assert.Throws<ArgumentException>(() => SlotGenerator.Check(rules, new TimeInterval(ten, ten), LongAgo));
    }

    [Fact]
    public void Every_candidate_passes_the_check()
    {
        var rules = In(Berlin, AllDays("08:00", "18:00"), duration: 50, interval: 20, notice: 90, windowDays: 3);
        var now = Local(Berlin, 2026, 10, 23, 9, 10);
        var (start, end) = SlotGenerator.DateRange(new LocalDate(2026, 10, 22), new LocalDate(2026, 10, 28), rules.Zone);

        var candidates = SlotGenerator.Candidates(rules, start, end, now);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal(Availability.Available, SlotGenerator.Check(rules, c, now)));
    }
}
