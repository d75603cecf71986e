using BenchmarkDotNet.Attributes;
using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Benchmarks;

/// <summary>Merging 10,000 random intervals, against sorting the same array (the floor of any merge).</summary>
[MemoryDiagnoser]
public class IntervalSetBenchmarks
{
    private TimeInterval[] _intervals = [];
    private IntervalSet _set = IntervalSet.Empty;
    private TimeInterval[] _probes = [];

    [Params(10_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var origin = Instant.FromUtc(2026, 12, 1, 0, 0);
        _intervals = Enumerable.Range(0, Count)
            .Select(_ =>
            {
                var start = origin + Duration.FromMinutes(random.Next(0, 90 * 24 * 60));
                return new TimeInterval(start, start + Duration.FromMinutes(random.Next(5, 120)));
            })
            .ToArray();
        _set = IntervalSet.From(_intervals);
        _probes = _intervals.Take(1000).Select(i => i.Widen(Duration.FromMinutes(7), Duration.Zero)).ToArray();
    }

    [Benchmark(Baseline = true, Description = "sort 10k intervals (baseline)")]
    public TimeInterval[] Sort()
    {
        var copy = (TimeInterval[])_intervals.Clone();
        Array.Sort(copy, static (a, b) => a.Start.CompareTo(b.Start));
        return copy;
    }

    [Benchmark(Description = "IntervalSet.From 10k intervals")]
    public IntervalSet Merge() => IntervalSet.From(_intervals);

    [Benchmark(Description = "1,000 overlap queries")]
    public int Overlaps()
    {
        var hits = 0;
        foreach (var probe in _probes)
        {
            hits += _set.Overlaps(probe) ? 1 : 0;
        }

        return hits;
    }
}
