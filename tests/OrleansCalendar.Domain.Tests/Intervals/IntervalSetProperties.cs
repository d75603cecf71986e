using FsCheck.Xunit;
using OrleansCalendar.Domain.Intervals;
using Xunit;
using static OrleansCalendar.Domain.Tests.Intervals.MinuteModel;

namespace OrleansCalendar.Domain.Tests.Intervals;

public sealed class IntervalSetProperties
{
    [Property(MaxTest = 300)]
    public void From_covers_exactly_the_minutes_of_its_intervals(int[] numbers)
    {
        var intervals = Build(numbers);
        Assert.Equal(Bitmap(intervals), Bitmap(IntervalSet.From(intervals).Intervals));
    }

    [Property(MaxTest = 300)]
    public void Intervals_are_sorted_disjoint_non_touching_and_never_empty(int[] numbers)
    {
        var items = IntervalSet.From(Build(numbers)).Intervals;
        Assert.All(items, i => Assert.False(i.IsEmpty));
        for (var i = 1; i < items.Count; i++)
        {
            Assert.True(items[i - 1].End < items[i].Start, $"{items[i - 1]} and {items[i]} touch or overlap");
        }
    }

    [Property(MaxTest = 300)]
    public void Overlaps_agrees_with_the_model(int[] numbers, int a, int b)
    {
        var set = IntervalSet.From(Build(numbers));
        var query = Interval(a, b);
        var bits = Bitmap(set.Intervals);
        var expected = Enumerable.Range(MinuteOf(query.Start), MinuteOf(query.End) - MinuteOf(query.Start)).Any(m => bits[m]);

        Assert.Equal(expected, set.Overlaps(query));
        Assert.Equal(!expected, set.IsFree(query));
    }

    [Property(MaxTest = 300)]
    public void Union_and_add_agree_with_the_model(int[] left, int[] right)
    {
        var a = IntervalSet.From(Build(left));
        var b = IntervalSet.From(Build(right));
        var expected = Bitmap(Build(left).Concat(Build(right)));

        Assert.Equal(expected, Bitmap(a.Union(b).Intervals));
        Assert.Equal(a.Union(b), b.Union(a));
        Assert.Equal(a.Union(b), Build(right).Aggregate(a, (set, i) => set.Add(i)));
    }

    [Property(MaxTest = 300)]
    public void Subtract_agrees_with_the_model(int[] left, int[] right)
    {
        var a = IntervalSet.From(Build(left));
        var b = IntervalSet.From(Build(right));
        var bitsA = Bitmap(a.Intervals);
        var bitsB = Bitmap(b.Intervals);
        var expected = bitsA.Select((bit, m) => bit && !bitsB[m]).ToArray();

        Assert.Equal(expected, Bitmap(a.Subtract(b).Intervals));
        Assert.Equal(expected, Bitmap(b.Intervals.Aggregate(a, (set, i) => set.Subtract(i)).Intervals));
    }

    [Property(MaxTest = 300)]
    public void Within_returns_exactly_the_intervals_overlapping_the_window(int[] numbers, int a, int b)
    {
        var set = IntervalSet.From(Build(numbers));
        var window = Interval(a, b);

        Assert.Equal(set.Intervals.Where(i => i.Overlaps(window)), set.Within(window));
        var clipped = Bitmap(set.Intersect(window).Intervals);
        var bits = Bitmap(set.Intervals);
        Assert.Equal(bits.Select((bit, m) => bit && m >= MinuteOf(window.Start) && m < MinuteOf(window.End)), clipped);
    }
}
