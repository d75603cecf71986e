using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// The rules of the publisher's outbox, without Orleans: which prepared events a new prepare replaces, what a commit
/// also commits, and what is due for verification.
/// </summary>
public sealed class Outbox(List<TentativeEvent> events)
{
    public int Count => events.Count;

    /// <summary>
    /// Adds freshly prepared events. A prepared event of the same producer and sequence is stale (that attempt's write
    /// failed and its sequence is being reused), so it is replaced.
    /// </summary>
    public IReadOnlyList<TentativeEvent> Add(IEnumerable<CalendarEvent> prepared, DateTimeOffset now)
    {
        var added = new List<TentativeEvent>();
        foreach (var e in prepared)
        {
            events.RemoveAll(t => !t.Committed && t.Event.Source == e.Source && t.Event.Sequence == e.Sequence);
            var entry = new TentativeEvent { Event = e, PreparedAt = now };
            events.Add(entry);
            added.Add(entry);
        }

        return added;
    }

    public void Remove(IEnumerable<TentativeEvent> entries)
    {
        var gone = entries.ToHashSet();
        events.RemoveAll(gone.Contains);
    }

    public void Remove(IReadOnlyCollection<string> eventIds) => events.RemoveAll(t => eventIds.Contains(t.Event.Id));

    /// <summary>
    /// Commits the events and, first, every earlier prepared event of the same producers: sequences have no gaps, so
    /// a stored later change means the earlier one was stored too. Returns whether anything changed.
    /// </summary>
    public bool Commit(IReadOnlyCollection<string> eventIds)
    {
        var changed = false;
        foreach (var committed in events.Where(t => eventIds.Contains(t.Event.Id)).ToList())
        {
            foreach (var entry in events.Where(t => !t.Committed && t.Event.Source == committed.Event.Source && t.Event.Sequence <= committed.Event.Sequence))
            {
                entry.Committed = true;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Committed events in the order to hand over: by sequence, so each producer's events stay in order.</summary>
    public IReadOnlyList<TentativeEvent> Committed() => events.Where(t => t.Committed).OrderBy(t => t.Event.Sequence).ToList();

    /// <summary>Prepared events neither committed nor aborted within <paramref name="verifyAfter"/>.</summary>
    public IReadOnlyList<TentativeEvent> DueForVerification(DateTimeOffset now, TimeSpan verifyAfter) =>
        events.Where(t => !t.Committed && t.PreparedAt + verifyAfter <= now).ToList();
}
