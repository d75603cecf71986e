using NodaTime;
using OrleansCalendar.Domain.Intervals;
using Xunit;
using static OrleansCalendar.Domain.Tests.Intervals.MinuteModel;

namespace OrleansCalendar.Domain.Tests.Intervals;

public sealed class IntervalSetTests
{
    [Fact]
    public void Adjacent_intervals_merge_into_one()
    {
        var set = IntervalSet.From([new(At(0), At(30)), new(At(30), At(60))]);
        Assert.Equal([new TimeInterval(At(0), At(60))], set.Intervals);
    }

    [Fact]
    public void Intervals_sharing_an_edge_do_not_overlap()
    {
        var set = IntervalSet.From([new(At(60), At(90))]);
        Assert.False(set.Overlaps(new TimeInterval(At(30), At(60))));
        Assert.False(set.Overlaps(new TimeInterval(At(90), At(120))));
        Assert.True(set.Overlaps(new TimeInterval(At(89), At(120))));
        Assert.True(set.Overlaps(new TimeInterval(At(0), At(200))));
    }

    [Fact]
    public void Zero_length_intervals_are_dropped_and_overlap_nothing()
    {
        var set = IntervalSet.From([new(At(10), At(10))]);
        Assert.Equal(0, set.Count);
        Assert.False(IntervalSet.From([new(At(0), At(100))]).Overlaps(new TimeInterval(At(50), At(50))));
    }

    [Fact]
    public void An_interval_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new TimeInterval(At(10), At(9)));
    }

    [Fact]
    public void Widening_can_cross_midnight()
    {
        var lateSlot = new TimeInterval(Instant.FromUtc(2026, 12, 1, 23, 30), Instant.FromUtc(2026, 12, 2, 0, 0));
        var widened = lateSlot.Widen(Duration.FromMinutes(15), Duration.FromMinutes(20));
        var earlyNextDay = IntervalSet.From([new(Instant.FromUtc(2026, 12, 2, 0, 10), Instant.FromUtc(2026, 12, 2, 1, 0))]);

        Assert.Equal(Instant.FromUtc(2026, 12, 2, 0, 20), widened.End);
        Assert.True(earlyNextDay.Overlaps(widened));
        Assert.False(earlyNextDay.Overlaps(lateSlot));
    }

    [Fact]
    public void Subtracting_a_middle_piece_splits_an_interval()
    {
        var set = IntervalSet.From([new(At(0), At(100))]).Subtract(new TimeInterval(At(40), At(60)));
        Assert.Equal([new TimeInterval(At(0), At(40)), new TimeInterval(At(60), At(100))], set.Intervals);
    }
}
