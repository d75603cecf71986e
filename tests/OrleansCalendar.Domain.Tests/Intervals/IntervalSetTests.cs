using NodaTime;
using OrleansCalendar.Domain.Intervals;
using Xunit;
using static OrleansCalendar.Domain.Tests.Intervals.MinuteModel;

namespace OrleansCalendar.Domain.Tests.Intervals;

public sealed class IntervalSetTests
{
    private static TimeInterval I(int start, int end) => new(At(start), At(end));

    [Fact]
    public void Adjacent_intervals_merge_into_one()
    {
        Assert.Equal([I(0, 60)], IntervalSet.From([I(30, 60), I(0, 30)]).Intervals);
    }

    [Fact]
    public void Overlapping_and_nested_intervals_merge_into_one()
    {
        Assert.Equal([I(0, 50)], IntervalSet.From([I(0, 20), I(5, 10), I(15, 50), I(40, 45)]).Intervals);
    }

    [Fact]
    public void Separate_intervals_stay_separate_and_sorted()
    {
        Assert.Equal([I(0, 10), I(11, 20), I(40, 50)], IntervalSet.From([I(40, 50), I(11, 20), I(0, 10)]).Intervals);
    }

    [Fact]
    public void Zero_length_intervals_are_dropped()
    {
        Assert.Same(IntervalSet.Empty, IntervalSet.From([I(10, 10), I(20, 20)]));
        Assert.Equal(1, IntervalSet.From([I(10, 10), I(0, 5)]).Count);
        Assert.Equal(IntervalSet.Empty, IntervalSet.Empty.Add(I(3, 3)));
    }

    [Theory]
    [InlineData(30, 60, false)] // ends where the busy interval starts
    [InlineData(90, 94, false)] // exactly the gap between the two
    [InlineData(100, 120, false)] // starts where the last one ends
    [InlineData(89, 120, true)]
    [InlineData(59, 61, true)]
    [InlineData(0, 200, true)]
    [InlineData(70, 70, false)] // empty query inside the busy interval
    [InlineData(95, 150, true)] // the second busy interval
    [InlineData(91, 94, false)] // the gap between them
    public void Overlaps_is_half_open_at_the_edges(int start, int end, bool expected)
    {
        var set = IntervalSet.From([I(60, 90), I(94, 100)]);

        Assert.Equal(expected, set.Overlaps(I(start, end)));
        Assert.Equal(!expected, set.IsFree(I(start, end)));
    }

    [Fact]
    public void Adding_an_interval_that_bridges_two_others_joins_all_three()
    {
        var set = IntervalSet.From([I(0, 10), I(20, 30)]).Add(I(10, 20));

        Assert.Equal([I(0, 30)], set.Intervals);
    }

    [Fact]
    public void Subtracting_a_middle_piece_splits_an_interval()
    {
        var set = IntervalSet.From([I(0, 100)]).Subtract(I(40, 60));

        Assert.Equal([I(0, 40), I(60, 100)], set.Intervals);
    }

    [Fact]
    public void Subtracting_an_interval_that_only_touches_changes_nothing()
    {
        var set = IntervalSet.From([I(10, 20)]);

        Assert.Equal(set, set.Subtract(I(0, 10)).Subtract(I(20, 30)));
    }

    [Fact]
    public void Within_returns_whole_intervals_and_Intersect_clips_them()
    {
        var set = IntervalSet.From([I(0, 10), I(20, 30), I(40, 50)]);

        Assert.Equal([I(0, 10), I(20, 30)], set.Within(I(5, 25)));
        Assert.Equal([I(5, 10), I(20, 25)], set.Intersect(I(5, 25)).Intervals);
        Assert.Empty(set.Within(I(10, 20)));
        Assert.Empty(set.Within(I(25, 25)));
    }

    [Fact]
    public void Sets_with_the_same_instants_are_equal()
    {
        Assert.Equal(IntervalSet.From([I(0, 10), I(10, 20)]), IntervalSet.From([I(0, 20)]));
        Assert.NotEqual(IntervalSet.From([I(0, 10)]), IntervalSet.From([I(0, 11)]));
    }

    [Fact]
    public void A_buffer_crossing_midnight_meets_busy_time_on_the_next_day()
    {
        var lateSlot = new TimeInterval(Instant.FromUtc(2026, 12, 1, 23, 30), Instant.FromUtc(2026, 12, 2, 0, 0));
        var widened = lateSlot.Widen(Duration.FromMinutes(15), Duration.FromMinutes(20));
        var earlyNextDay = IntervalSet.From([new(Instant.FromUtc(2026, 12, 2, 0, 10), Instant.FromUtc(2026, 12, 2, 1, 0))]);

        Assert.Equal(Instant.FromUtc(2026, 12, 2, 0, 20), widened.End);
        Assert.True(earlyNextDay.Overlaps(widened));
        Assert.False(earlyNextDay.Overlaps(lateSlot));
    }

    [Fact]
    public void Overlap_queries_on_a_large_set_find_the_right_neighbour()
    {
        // Every other minute busy over a long stretch: a linear or off-by-one search would show here.
        var set = IntervalSet.From(Enumerable.Range(0, 5_000).Select(k => new TimeInterval(At(2 * k), At((2 * k) + 1))));

        Assert.Equal(5_000, set.Count);
        Assert.True(set.IsFree(I(7_001, 7_002)));
        Assert.False(set.IsFree(I(7_001, 7_003)));
        Assert.False(set.IsFree(I(9_998, 20_000)));
        Assert.True(set.IsFree(I(9_999, 20_000)));
    }
}
