using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>Skip tokens (rounds in progress) and delta tokens (completed rounds), and their invalidation.</summary>
internal sealed class DeltaStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeltaCursor> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeltaSyncState> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeltaSyncState> _invalidated = new(StringComparer.Ordinal);

    public string SaveCursor(DeltaCursor cursor)
    {
        var token = GraphIds.NewOpaqueToken();
        lock (_gate)
        {
            _cursors[token] = cursor;
        }

        return token;
    }

    public string SaveToken(DeltaSyncState state)
    {
        var token = GraphIds.NewOpaqueToken();
        lock (_gate)
        {
            _tokens[token] = state;
        }

        return token;
    }

    public DeltaCursor? FindCursor(string token)
    {
        lock (_gate)
        {
            return _cursors.GetValueOrDefault(token);
        }
    }

    public DeltaSyncState? FindToken(string token)
    {
        lock (_gate)
        {
            return _tokens.GetValueOrDefault(token);
        }
    }

    /// <summary>The state an invalidated token stood for, so the 410 can point at a fresh round.</summary>
    public DeltaSyncState? FindInvalidated(string token)
    {
        lock (_gate)
        {
            return _invalidated.GetValueOrDefault(token);
        }
    }

    /// <summary>Kills every skip and delta token of a mailbox (optionally one calendar); returns how many.</summary>
    public int Invalidate(string mailboxId, string? calendarId)
    {
        bool Matches(DeltaSyncState s) => s.MailboxId == mailboxId && (calendarId is null || s.CalendarId == calendarId);
        lock (_gate)
        {
            var count = 0;
            foreach (var (token, state) in _tokens.Where(t => Matches(t.Value)).ToList())
            {
                _tokens.Remove(token);
                _invalidated[token] = state;
                count++;
            }

            foreach (var (token, cursor) in _cursors.Where(c => Matches(c.Value.Next)).ToList())
            {
                _cursors.Remove(token);
                _invalidated[token] = cursor.Next;
                count++;
            }

            return count;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _cursors.Clear();
            _tokens.Clear();
            _invalidated.Clear();
        }
    }
}
