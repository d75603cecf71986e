using NodaTime;
using OrleansCalendar.Domain.Scheduling;
using Xunit;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class LocalTimeRangeTests
{
    [Theory]
    [InlineData("09:00", "17:00", 9, 0, 17 * 60, false)]
    [InlineData("18:00", "24:00", 18, 0, 24 * 60, true)]
    [InlineData("00:00", "24:00", 0, 0, 24 * 60, true)]
    [InlineData("23:59", "24:00", 23, 59, 24 * 60, true)]
    [InlineData("00:00", "00:01", 0, 0, 1, false)]
    [InlineData("08:15:00", "12:45:00", 8, 15, (12 * 60) + 45, false)]
    public void Valid_ranges_parse(string start, string end, int startHour, int startMinute, int endMinutes, bool endsAtEndOfDay)
    {
        Assert.True(LocalTimeRange.TryParse(start, end, out var range, out var error), error);
        Assert.Null(error);
        Assert.Equal(new LocalTime(startHour, startMinute), range.Start);
        Assert.Equal(Duration.FromMinutes(endMinutes), range.EndOffset);
        Assert.Equal(endsAtEndOfDay, range.EndsAtEndOfDay);
        Assert.False(range.IsEmpty);
    }

    [Theory]
    [InlineData("17:00", "09:00", "not after start")]
    [InlineData("09:00", "09:00", "not after start")]
    [InlineData("22:00", "02:00", "cannot cross midnight")]
    [InlineData("22:00", "00:00", "not after start")] // the end of the day is spelled 24:00
    [InlineData("24:00", "24:00", "cannot be 24:00")]
    [InlineData("09:00:30", "17:00", "whole minute")]
    [InlineData("09:00", "16:59:59", "whole minute")]
    [InlineData("9:00", "17:00", "HH:mm")]
    [InlineData("09.00", "17:00", "HH:mm")]
    [InlineData(" 9:00", "17:00", "HH:mm")]
    [InlineData("09:00", "17:00 ", "HH:mm")]
    [InlineData("０９:００", "17:00", "HH:mm")] // full-width digits
    [InlineData("nine", "five", "HH:mm")]
    [InlineData("", "17:00", "HH:mm")]
    [InlineData(null, "17:00", "HH:mm")]
    [InlineData("09:00", null, "HH:mm")]
    [InlineData("09:00", "17:60", "00:00 to 24:00")]
    [InlineData("09:00", "25:00", "00:00 to 24:00")]
    [InlineData("09:00", "24:01", "00:00 to 24:00")]
    public void Invalid_ranges_are_rejected_with_a_reason(string? start, string? end, string reason)
    {
        Assert.False(LocalTimeRange.TryParse(start, end, out var range, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(default, range);
    }

    [Fact]
    public void Midnight_as_an_end_means_the_end_of_the_day()
    {
        var range = new LocalTimeRange(new LocalTime(18, 0), LocalTime.Midnight);

        Assert.True(range.EndsAtEndOfDay);
        Assert.Equal(Duration.FromHours(24), range.EndOffset);
        Assert.Equal(Rules.Range("18:00", "24:00"), range);
        Assert.Equal("18:00-24:00", range.ToString());
    }

    [Fact]
    public void The_constructor_rejects_empty_backwards_and_sub_minute_ranges()
    {
        Assert.Throws<ArgumentException>(() => new LocalTimeRange(new LocalTime(9, 0), new LocalTime(9, 0)));
        Assert.Throws<ArgumentException>(() => new LocalTimeRange(new LocalTime(17, 0), new LocalTime(9, 0)));
        Assert.Throws<ArgumentException>(() => new LocalTimeRange(new LocalTime(9, 0, 30), new LocalTime(17, 0)));
    }

    [Fact]
    public void The_default_range_is_empty_rather_than_a_whole_day()
    {
        Assert.True(default(LocalTimeRange).IsEmpty);
        Assert.False(default(LocalTimeRange).EndsAtEndOfDay);
    }

    [Theory]
    [InlineData("09:00", "12:00", "11:00", "13:00", true)]
    [InlineData("09:00", "12:00", "12:00", "13:00", false)]
    [InlineData("09:00", "24:00", "23:30", "24:00", true)]
    [InlineData("00:00", "24:00", "10:00", "11:00", true)]
    public void Ranges_overlap_half_open(string aStart, string aEnd, string bStart, string bEnd, bool expected)
    {
        Assert.Equal(expected, Rules.Range(aStart, aEnd).Overlaps(Rules.Range(bStart, bEnd)));
        Assert.Equal(expected, Rules.Range(bStart, bEnd).Overlaps(Rules.Range(aStart, aEnd)));
    }
}
