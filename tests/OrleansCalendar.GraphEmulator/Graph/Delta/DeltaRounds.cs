using System.Collections.Immutable;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>
/// Computes what a delta round returns: everything in the window for an initial round, and for a
/// delta token the difference between what the client holds and what the window holds now.
/// </summary>
internal static class DeltaRounds
{
    public static DeltaCursor Initial(MailboxStore store, string mailboxId, string calendarId, string path, DateTime startUtc, DateTime endUtc)
    {
        var (instances, sequence) = store.View(mailboxId, calendarId, startUtc, endUtc);
        var next = Snapshot(new DeltaSyncState(mailboxId, calendarId, path, startUtc, endUtc, sequence, ImmutableDictionary<string, string>.Empty, []), instances, sequence);
        return new DeltaCursor([.. instances.Select(DeltaItem.Full)], 0, next);
    }

    public static DeltaCursor Since(MailboxStore store, DeltaSyncState previous, bool reportOutOfRangeChanges)
    {
        var (instances, sequence) = store.View(previous.MailboxId, previous.CalendarId, previous.StartUtc, previous.EndUtc);
        var items = new List<DeltaItem>();
        var currentIds = new HashSet<string>(StringComparer.Ordinal);
        var currentOwners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            currentIds.Add(instance.Id);
            currentOwners.Add(instance.OwnerId);
            if (!previous.Known.TryGetValue(instance.Id, out var changeKey) || changeKey != instance.ChangeKey)
            {
                items.Add(DeltaItem.Full(instance));
            }
        }

        // Deleted, cancelled or moved out of the window.
        items.AddRange(previous.Known.Keys.Where(id => !currentIds.Contains(id)).Order(StringComparer.Ordinal).Select(DeltaItem.Removed));

        if (reportOutOfRangeChanges)
        {
            // Graph also lists items changed outside the window as removed; clients filter them out.
            var changed = store.ItemsChangedSince(previous.MailboxId, previous.CalendarId, previous.Sequence);
            items.AddRange(changed
                .Where(id => !currentOwners.Contains(id) && !previous.KnownOwners.Contains(id))
                .Order(StringComparer.Ordinal)
                .Select(DeltaItem.Removed));
        }

        return new DeltaCursor(items, 0, Snapshot(previous, instances, sequence));
    }

    private static DeltaSyncState Snapshot(DeltaSyncState state, IReadOnlyList<EventInstance> instances, long sequence) => state with
    {
        Sequence = sequence,
        Known = instances.ToImmutableDictionary(i => i.Id, i => i.ChangeKey, StringComparer.Ordinal),
        KnownOwners = instances.Select(i => i.OwnerId).ToImmutableHashSet(StringComparer.Ordinal),
    };
}
