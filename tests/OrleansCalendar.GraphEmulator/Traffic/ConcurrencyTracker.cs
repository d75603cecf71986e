namespace OrleansCalendar.GraphEmulator.Traffic;

/// <summary>Graph requests in flight per mailbox, and the highest count seen since the last reset.</summary>
internal sealed class ConcurrencyTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _max = new(StringComparer.Ordinal);

    /// <summary>Counts a request in; returns how many are now in flight for the mailbox.</summary>
    public int Enter(string mailboxId)
    {
        lock (_gate)
        {
            var current = _current.GetValueOrDefault(mailboxId) + 1;
            _current[mailboxId] = current;
            _max[mailboxId] = Math.Max(_max.GetValueOrDefault(mailboxId), current);
            return current;
        }
    }

    public void Exit(string mailboxId)
    {
        lock (_gate)
        {
            _current[mailboxId] = Math.Max(0, _current.GetValueOrDefault(mailboxId) - 1);
        }
    }

    public int MaxFor(string mailboxId)
    {
        lock (_gate)
        {
            return _max.GetValueOrDefault(mailboxId);
        }
    }

    public IReadOnlyDictionary<string, int> Maxima()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_max);
        }
    }

    /// <summary>Starts a new measurement: peaks restart from what is in flight now.</summary>
    public void ResetMaxima()
    {
        lock (_gate)
        {
            _max.Clear();
            foreach (var (mailbox, current) in _current)
            {
                _max[mailbox] = current;
            }
        }
    }
}
