using FsCheck.Xunit;
using OrleansCalendar.Domain.Intervals;
using Xunit;
using static OrleansCalendar.Domain.Tests.Intervals.MinuteModel;

namespace OrleansCalendar.Domain.Tests.Intervals;

/// <summary>Every operation agrees with the minute-bitmap model, for random sets and queries.</summary>
public sealed class IntervalSetProperties
{
    [Property(MaxTest = 300)]
    public void From_holds_exactly_the_minutes_of_its_intervals_as_maximal_runs(int[] numbers)
    {
        var intervals = Build(numbers);

        // Maximal runs pin down the normal form: sorted, disjoint, touching ones merged, no empty intervals.
        Assert.Equal(Runs(Bitmap(intervals)), IntervalSet.From(intervals).Intervals);
    }

    [Property(MaxTest = 200)]
    public void From_does_not_depend_on_input_order(int[] numbers, int seed)
    {
        var intervals = Build(numbers);
        var random = new Random(seed);
        var shuffled = intervals.OrderBy(_ => random.Next()).ToList();

        Assert.Equal(IntervalSet.From(intervals), IntervalSet.From(shuffled));
        Assert.Equal(IntervalSet.From(intervals).GetHashCode(), IntervalSet.From(shuffled).GetHashCode());
    }

    [Property(MaxTest = 300)]
    public void Overlaps_and_IsFree_agree_with_the_model(int[] numbers, int a, int b)
    {
        var set = IntervalSet.From(Build(numbers));
        var query = Interval(a, b);
        var bits = Bitmap(set.Intervals);
        var expected = Enumerable.Range(MinuteOf(query.Start), MinuteOf(query.End) - MinuteOf(query.Start)).Any(m => bits[m]);

        Assert.Equal(expected, set.Overlaps(query));
        Assert.Equal(!expected, set.IsFree(query));
    }

    [Property(MaxTest = 300)]
    public void Union_and_Add_agree_with_the_model(int[] left, int[] right)
    {
        var a = IntervalSet.From(Build(left));
        var b = IntervalSet.From(Build(right));
        var expected = Runs(Bitmap(Build(left).Concat(Build(right))));

        Assert.Equal(expected, a.Union(b).Intervals);
        Assert.Equal(expected, b.Union(a).Intervals);
        Assert.Equal(expected, Build(right).Aggregate(a, (set, i) => set.Add(i)).Intervals);
    }

    [Property(MaxTest = 300)]
    public void Subtract_agrees_with_the_model(int[] left, int[] right)
    {
        var a = IntervalSet.From(Build(left));
        var b = IntervalSet.From(Build(right));
        var bitsB = Bitmap(b.Intervals);
        var expected = Runs(Bitmap(a.Intervals).Select((bit, m) => bit && !bitsB[m]).ToArray());

        Assert.Equal(expected, a.Subtract(b).Intervals);
        Assert.Equal(expected, Build(right).Aggregate(a, (set, i) => set.Subtract(i)).Intervals);
    }

    [Property(MaxTest = 300)]
    public void Within_returns_exactly_the_intervals_overlapping_the_window_and_Intersect_clips_them(int[] numbers, int a, int b)
    {
        var set = IntervalSet.From(Build(numbers));
        var window = Interval(a, b);
        var bits = Bitmap(set.Intervals);
        bool Touched(TimeInterval i) =>
            Enumerable.Range(MinuteOf(i.Start), MinuteOf(i.End) - MinuteOf(i.Start)).Any(m => m >= MinuteOf(window.Start) && m < MinuteOf(window.End));

        Assert.Equal(set.Intervals.Where(Touched), set.Within(window));
        Assert.Equal(
            Runs(bits.Select((bit, m) => bit && m >= MinuteOf(window.Start) && m < MinuteOf(window.End)).ToArray()),
            set.Intersect(window).Intervals);
    }
}
