using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class WeeklyHoursTests
{
    private static Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> Days(IsoDayOfWeek day, params LocalTimeRange[] ranges) =>
        new() { [day] = ranges };

    [Fact]
    public void Overlapping_ranges_of_one_day_are_reported_and_rejected()
    {
        var days = Days(IsoDayOfWeek.Monday, Range("09:00", "12:00"), Range("11:00", "13:00"));

        var error = Assert.Single(WeeklyHours.Validate(days));
        Assert.Equal("Monday: 09:00-12:00 overlaps 11:00-13:00.", error);
        Assert.Throws<ArgumentException>(() => new WeeklyHours(days));
    }

    [Fact]
    public void Every_bad_day_is_reported()
    {
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Monday] = [Range("09:00", "12:00"), Range("10:00", "11:00")],
            [IsoDayOfWeek.Tuesday] = [default],
            [IsoDayOfWeek.Wednesday] = [Range("00:00", "24:00")],
            [IsoDayOfWeek.None] = [Range("09:00", "10:00")],
        };

        Assert.Equal(3, WeeklyHours.Validate(days).Count);
    }

    [Fact]
    public void Touching_ranges_are_valid_and_join_into_one_window()
    {
        var days = Days(IsoDayOfWeek.Monday, Range("12:00", "17:00"), Range("09:00", "12:00"), Range("18:00", "24:00"));

        Assert.Empty(WeeklyHours.Validate(days));
        Assert.Null(WeeklyHours.FindOverlap(days[IsoDayOfWeek.Monday]));
        Assert.Equal([Range("09:00", "17:00"), Range("18:00", "24:00")], new WeeklyHours(days).For(IsoDayOfWeek.Monday));
    }

    [Fact]
    public void A_day_without_ranges_has_no_windows()
    {
        var hours = Every(IsoDayOfWeek.Monday);

        Assert.Empty(hours.For(IsoDayOfWeek.Sunday));
        Assert.Empty(hours.For(IsoDayOfWeek.None));
    }

    [Fact]
    public void Expand_gives_each_dates_windows_in_the_zone()
    {
        // Monday 2026-11-30 to Sunday 2026-12-06, office hours on weekdays, New York is UTC-5.
        var windows = new WeeklyHours(Weekdays.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [Range("09:00", "17:00")]))
            .Expand(new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 6), Zone(NewYork))
            .ToList();

        Assert.Equal(5, windows.Count);
        Assert.Equal(new TimeInterval(Instant.FromUtc(2026, 11, 30, 14, 0), Instant.FromUtc(2026, 11, 30, 22, 0)), windows[0]);
        Assert.Equal(new TimeInterval(Instant.FromUtc(2026, 12, 4, 14, 0), Instant.FromUtc(2026, 12, 4, 22, 0)), windows[^1]);
    }

    [Fact]
    public void A_range_ending_at_24_00_ends_at_the_start_of_the_next_day()
    {
        var window = Hours("18:00", "24:00", IsoDayOfWeek.Wednesday)
            .Expand(new LocalDate(2026, 12, 2), new LocalDate(2026, 12, 2), Zone(Berlin))
            .Single();

        Assert.Equal(Instant.FromUtc(2026, 12, 2, 17, 0), window.Start);
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 23, 0), window.End);
    }

    [Theory]
    [InlineData(NewYork, 2026, 3, 8, 23)]
    [InlineData(NewYork, 2026, 11, 1, 25)]
    [InlineData(Berlin, 2026, 3, 29, 23)]
    [InlineData(Berlin, 2026, 10, 25, 25)]
    [InlineData(Berlin, 2026, 10, 26, 24)]
    public void A_whole_day_window_lasts_as_long_as_the_day(string zone, int year, int month, int day, int hours)
    {
        var date = new LocalDate(year, month, day);
        var window = AllDays("00:00", "24:00").Expand(date, date, Zone(zone)).Single();

        Assert.Equal(Duration.FromHours(hours), window.Length);
    }
}
