using NodaTime;
using OrleansCalendar.Domain.Intervals;
using Xunit;
using static OrleansCalendar.Domain.Tests.Intervals.MinuteModel;

namespace OrleansCalendar.Domain.Tests.Intervals;

public sealed class TimeIntervalTests
{
    [Theory]
    [InlineData(0, 30, 30, 60, false)] // back to back: 10:00-10:30 and 10:30-11:00
    [InlineData(30, 60, 0, 30, false)]
    [InlineData(0, 31, 30, 60, true)] // one shared minute
    [InlineData(0, 60, 10, 20, true)] // containment
    [InlineData(10, 20, 0, 60, true)]
    [InlineData(0, 30, 0, 30, true)] // identical
    [InlineData(0, 10, 20, 30, false)] // apart
    [InlineData(10, 10, 0, 60, false)] // empty inside a long interval
    [InlineData(0, 60, 10, 10, false)]
    [InlineData(10, 10, 10, 10, false)] // two identical empties
    public void Overlap_is_half_open_and_empty_intervals_overlap_nothing(int aStart, int aEnd, int bStart, int bEnd, bool expected)
    {
        var a = new TimeInterval(At(aStart), At(aEnd));
        var b = new TimeInterval(At(bStart), At(bEnd));

        Assert.Equal(expected, a.Overlaps(b));
        Assert.Equal(expected, b.Overlaps(a));
    }

    [Fact]
    public void An_interval_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new TimeInterval(At(10), At(9)));
    }

    [Fact]
    public void Contains_includes_the_start_and_excludes_the_end()
    {
        var interval = new TimeInterval(At(10), At(20));

        Assert.True(interval.Contains(At(10)));
        Assert.True(interval.Contains(At(19)));
        Assert.False(interval.Contains(At(20)));
        Assert.False(interval.Contains(At(9)));
        Assert.False(new TimeInterval(At(10), At(10)).Contains(At(10)));
    }

    [Fact]
    public void Length_and_emptiness_follow_the_bounds()
    {
        Assert.Equal(Duration.FromMinutes(30), new TimeInterval(At(0), At(30)).Length);
        Assert.True(new TimeInterval(At(5), At(5)).IsEmpty);
        Assert.False(new TimeInterval(At(5), At(6)).IsEmpty);
    }

    [Fact]
    public void Widen_grows_both_sides_independently()
    {
        var widened = new TimeInterval(At(30), At(40)).Widen(Duration.FromMinutes(5), Duration.FromMinutes(10));

        Assert.Equal(new TimeInterval(At(25), At(50)), widened);
    }

    [Fact]
    public void An_interval_deconstructs_into_start_and_end()
    {
        var (start, end) = new TimeInterval(At(1), At(2));

        Assert.Equal((At(1), At(2)), (start, end));
    }
}
