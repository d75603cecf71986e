namespace OrleansCalendar.GraphEmulator.Traffic;

/// <summary>The most recent requests, oldest dropped first beyond the capacity.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Math.Max(1, capacity))
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> List(Func<RequestLogEntry, bool>? filter = null)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => filter is null || filter(e))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
