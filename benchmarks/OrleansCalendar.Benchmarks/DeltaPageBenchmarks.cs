using BenchmarkDotNet.Attributes;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Benchmarks;

/// <summary>
/// Delta page application: a page of 100 Graph delta items (new, changed and removed instances, in their zones)
/// applied to a calendar that holds 1,000 events, then the busy list the availability grain gets; against copying
/// the calendar's events, which every incremental round does first.
/// </summary>
[MemoryDiagnoser]
public class DeltaPageBenchmarks
{
    private readonly Dictionary<Guid, ImportedEvent> _events = [];
    private OutlookEvent[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        var origin = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Unspecified);
        var ids = Enumerable.Range(0, 1_000).Select(i => $"AAMkAGI2{i:D8}{new string('x', 136)}=").ToArray();
        var applier = Applier();
        applier.Apply(ids.Select((id, i) => Item(id, origin.AddHours(i * 2))), _events);

        // A tenth of the calendar changes: moves, new events and deletions, as one page.
        _page = Enumerable.Range(0, 100).Select(i => (i % 3) switch
        {
            0 => Item(ids[i * 7], origin.AddHours(i * 3 + 1)),
            1 => Item($"AAMkAGI2new{i:D5}{new string('y', 136)}=", origin.AddDays(40).AddHours(i)),
            _ => new OutlookEvent(ids[i * 9], Removed: true),
        }).ToArray();
    }

    [Benchmark(Baseline = true, Description = "copy a 1,000-event calendar (baseline)")]
    public int Copy() => new Dictionary<Guid, ImportedEvent>(_events).Count;

    [Benchmark(Description = "copy, apply a 100-item delta page, list the busy time")]
    public int Apply()
    {
        var events = new Dictionary<Guid, ImportedEvent>(_events);
        Applier().Apply(_page, events);
        return DeltaApplier.Busy(events.Values).Count;
    }

    private static DeltaApplier Applier() => new(SyncPreferences.Default, new Dictionary<string, PushRecord>(), new Dictionary<string, PushRecord>());

    private static OutlookEvent Item(string id, DateTime start) => new(id, Removed: false)
    {
        Subject = "Planning",
        ShowAs = "busy",
        Type = "singleInstance",
        Start = start,
        StartTimeZone = "Eastern Standard Time",
        End = start.AddMinutes(45),
        EndTimeZone = "Eastern Standard Time",
    };
}
