using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Tests.Intervals;

/// <summary>
/// The obviously-correct model an <see cref="IntervalSet"/> is checked against: one flag per minute of a
/// small timeline. Random intervals are drawn from integers so FsCheck can shrink failures; the timeline is
/// short and the intervals shorter, so random sets are full of overlaps, touching edges and empty intervals.
/// </summary>
internal static class MinuteModel
{
    public const int Minutes = 60;
    private static readonly Instant Origin = Instant.FromUtc(2026, 12, 1, 0, 0);

    public static Instant At(int minute) => Origin + Duration.FromMinutes(minute);

    public static TimeInterval Interval(int a, int b)
    {
        var start = Math.Abs(a % Minutes);
        var end = Math.Min(Minutes, start + Math.Abs(b % 12));
        return new TimeInterval(At(start), At(end));
    }

    /// <summary>Pairs of integers become intervals (some empty, many adjacent or overlapping).</summary>
    public static List<TimeInterval> Build(int[] numbers) =>
        Enumerable.Range(0, numbers.Length / 2).Select(i => Interval(numbers[2 * i], numbers[(2 * i) + 1])).ToList();

    public static bool[] Bitmap(IEnumerable<TimeInterval> intervals)
    {
        var bits = new bool[Minutes];
        foreach (var interval in intervals)
        {
            for (var m = MinuteOf(interval.Start); m < MinuteOf(interval.End); m++)
            {
                bits[m] = true;
            }
        }

        return bits;
    }

    /// <summary>The minute flags as the intervals they spell: maximal runs of set minutes.</summary>
    public static List<TimeInterval> Runs(bool[] bits)
    {
        var runs = new List<TimeInterval>();
        for (var m = 0; m < bits.Length; m++)
        {
            if (bits[m] && (m == 0 || !bits[m - 1]))
            {
                var end = m;
                while (end < bits.Length && bits[end])
                {
                    end++;
                }

                runs.Add(new TimeInterval(At(m), At(end)));
            }
        }

        return runs;
    }

    public static int MinuteOf(Instant instant) => (int)(instant - Origin).TotalMinutes;
}
