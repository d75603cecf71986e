using NodaTime;
using OrleansCalendar.Domain.Scheduling;
using Xunit;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class LocalTimeRangeTests
{
    [Theory]
    [InlineData("09:00", "17:00", 540, 1020)]
    [InlineData("00:00", "24:00", 0, 1440)]
    [InlineData("23:59", "24:00", 1439, 1440)]
    public void Valid_ranges_parse(string start, string end, int startMinute, int endMinute)
    {
        Assert.True(LocalTimeRange.TryParse(start, end, out var range, out var error), error);
        Assert.Equal(startMinute, range.StartMinute);
        Assert.Equal(endMinute, range.EndMinute);
    }

    [Theory]
    [InlineData("17:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("24:00", "24:00")]
    [InlineData("9:00", "17:00")]
    [InlineData("09:00", "17:60")]
    [InlineData("09:00", "25:00")]
    [InlineData("nine", "five")]
    [InlineData("", "17:00")]
    [InlineData("22:00", "02:00")]
    public void Invalid_ranges_are_rejected_with_a_reason(string start, string end)
    {
        Assert.False(LocalTimeRange.TryParse(start, end, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Overlapping_ranges_of_one_day_are_found()
    {
        Assert.NotNull(WeeklyHours.FindOverlap([Rules.Range("09:00", "12:00"), Rules.Range("11:00", "13:00")]));
        Assert.Null(WeeklyHours.FindOverlap([Rules.Range("09:00", "12:00"), Rules.Range("12:00", "13:00")]));
        Assert.Throws<ArgumentException>(() => new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>
        {
            [IsoDayOfWeek.Monday] = [Rules.Range("09:00", "12:00"), Rules.Range("11:00", "13:00")],
        }));
    }

    [Fact]
    public void Round_robin_picks_the_least_booked_then_the_smallest_id()
    {
        var counts = new Dictionary<string, int> { ["b"] = 1, ["c"] = 0, ["a"] = 1 };
        Assert.Equal("c", RoundRobin.Pick(["a", "b", "c"], counts));
        Assert.Equal("a", RoundRobin.Pick(["b", "a"], counts));
        Assert.Equal("z", RoundRobin.Pick(["z"], counts));
    }
}
