using BenchmarkDotNet.Attributes;
using NodaTime;
using OrleansCalendar.Domain.Scheduling;

namespace OrleansCalendar.Benchmarks;

/// <summary>
/// Recurrence expansion: weekly hours (09:00–12:00 and 13:00–17:00 on weekdays) laid out over 90 days in New York,
/// across a daylight-saving change, against the same expansion in UTC (no zone rules). Outlook's own recurring
/// series are expanded by Graph (calendarView returns occurrences), so weekly hours are the engine's recurrence.
/// </summary>
[MemoryDiagnoser]
public class WeeklyHoursBenchmarks
{
    private static readonly LocalDate First = new(2027, 2, 1);
    private static readonly LocalDate Last = First.PlusDays(89);
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private WeeklyHours _hours = null!;

    [GlobalSetup]
    public void Setup()
    {
        LocalTimeRange.TryParse("09:00", "12:00", out var morning, out _);
        LocalTimeRange.TryParse("13:00", "17:00", out var afternoon, out _);
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        _hours = new WeeklyHours(weekdays.ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [morning, afternoon]));
    }

    [Benchmark(Baseline = true, Description = "90 days of weekly hours in UTC (baseline)")]
    public int Utc() => _hours.Expand(First, Last, DateTimeZone.Utc).Count();

    [Benchmark(Description = "90 days of weekly hours in New York, across DST")]
    public int Zoned() => _hours.Expand(First, Last, NewYork).Count();
}
