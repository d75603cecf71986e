using OrleansCalendar.GraphEmulator.Graph.Users;

namespace OrleansCalendar.GraphEmulator.Faults;

/// <summary>Active fault rules; the first active rule matching a request applies.</summary>
internal sealed class FaultStore(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    public FaultRule Add(FaultRule rule)
    {
        var added = rule with
        {
            Id = string.IsNullOrEmpty(rule.Id) ? Guid.NewGuid().ToString("N")[..12] : rule.Id,
            ActiveUntil = rule.Duration is { } duration ? clock.GetUtcNow() + duration : rule.ActiveUntil,
            Hits = 0,
        };
        lock (_gate)
        {
            _rules.Add(added);
        }

        return added;
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public IReadOnlyList<FaultRule> List()
    {
        lock (_gate)
        {
            return [.. _rules];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Finds the rule for a request and counts the hit (spent rules are dropped).</summary>
    public FaultRule? Match(string method, string path, string query, MailboxData? mailbox)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _rules.RemoveAll(r => r.Count <= 0 || r.ActiveUntil <= now);
            var index = _rules.FindIndex(r =>
                (r.Method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) &&
                path.StartsWith(r.PathPrefix, StringComparison.OrdinalIgnoreCase) &&
                (r.QueryContains is null || Uri.UnescapeDataString(query).Contains(r.QueryContains, StringComparison.OrdinalIgnoreCase)) &&
                (r.Mailbox is null || (mailbox is not null && mailbox.IsNamedBy(r.Mailbox))));
            if (index < 0)
            {
                return null;
            }

            var hit = _rules[index] with { Hits = _rules[index].Hits + 1, Count = _rules[index].Count - 1 };
            _rules[index] = hit;
            return hit;
        }
    }
}
