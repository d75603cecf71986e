using BenchmarkDotNet.Attributes;
using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;

namespace OrleansCalendar.Benchmarks;

/// <summary>
/// A 7-day free-slot list (30-minute slots, 09:00–17:00 weekdays, buffers) against 100, 1,000 and 10,000 busy
/// intervals, against generating the same candidates with no busy filtering: how the cost grows with busy time.
/// </summary>
[MemoryDiagnoser]
public class SlotGenerationBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 0, 0);
    private SlotRules _rules = null!;
    private Instant _start;
    private Instant _end;
    private Dictionary<string, IntervalSet> _busy = [];

    [Params(100, 1_000, 10_000)]
    public int BusyIntervals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        LocalTimeRange.TryParse("09:00", "17:00", out var office, out _);
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        _rules = new SlotRules(
            new WeeklyHours(weekdays.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [office])),
            zone, Duration.FromMinutes(30), Duration.FromMinutes(30), Duration.FromMinutes(5), Duration.FromMinutes(10),
            Duration.Zero, 365);
        (_start, _end) = SlotGenerator.DateRange(new LocalDate(2026, 12, 7), new LocalDate(2026, 12, 13), zone);

        var random = new Random(7);
        var busy = Enumerable.Range(0, BusyIntervals).Select(_ =>
        {
            var start = _start + Duration.FromMinutes(random.Next(0, 7 * 24 * 60));
            return new TimeInterval(start, start + Duration.FromMinutes(random.Next(5, 20)));
        });
        _busy = new Dictionary<string, IntervalSet> { ["user"] = IntervalSet.From(busy) };
    }

    [Benchmark(Baseline = true, Description = "7-day candidates, no busy time (baseline)")]
    public int Candidates() => SlotGenerator.Candidates(_rules, _start, _end, Now).Count;

    [Benchmark(Description = "7-day free slots vs the busy intervals")]
    public int FreeSlots() => SlotGenerator.FreeSlots(_rules, _start, _end, Now, _busy, SlotMode.AnyMember).Count;
}
