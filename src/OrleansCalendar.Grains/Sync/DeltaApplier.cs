using NodaTime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Domain.External;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Applies delta items to the events of one calendar: removed and cancelled instances leave, others are placed in
/// time and judged by the connection's preferences. Items that are our own pushed copies are never imported; they
/// are handed back so two-way sync can look at them.
/// </summary>
internal sealed class DeltaApplier(SyncPreferences preferences, IReadOnlyDictionary<string, PushRecord> pushesByEventId, IReadOnlyDictionary<string, PushRecord> pushesByTransaction)
{
    public List<(PushRecord Push, OutlookEvent Item)> OwnCopies { get; } = [];

    public void Apply(IEnumerable<OutlookEvent> items, Dictionary<Guid, ImportedEvent> events)
    {
        foreach (var item in items)
        {
            var key = EventKey.Of(item.Id);
            if (OwnCopy(item) is { } push)
            {
                events.Remove(key);
                OwnCopies.Add((push, item));
                continue;
            }

            if (item.Removed || item.Type == "seriesMaster" || ToImported(item) is not { } imported)
            {
                events.Remove(key);
                continue;
            }

            events[key] = imported;
        }
    }

    /// <summary>The busy intervals a set of events gives, ordered, for the availability grain.</summary>
    public static List<Abstractions.Availability.ExternalBusy> Busy(IEnumerable<ImportedEvent> events) =>
        events.Where(e => e.Blocks)
            .OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(e => new Abstractions.Availability.ExternalBusy(e.Start, e.End, e.Title, e.ShowAs))
            .ToList();

    /// <summary>Where an event instance lies, or null when it cannot be placed.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Interval(OutlookEvent item) =>
        ToExternal(item)?.Interval() is { } interval
            ? (interval.Start.ToDateTimeOffset(), interval.End.ToDateTimeOffset())
            : null;

    private static ExternalEvent? ToExternal(OutlookEvent item) =>
        item.Start is { } start && item.End is { } end
            ? new ExternalEvent(
                LocalDateTime.FromDateTime(start), item.StartTimeZone, LocalDateTime.FromDateTime(end), item.EndTimeZone,
                item.IsAllDay, item.OriginalStartTimeZone, item.ShowAs, item.IsCancelled, item.Sensitivity)
            : null;

    private PushRecord? OwnCopy(OutlookEvent item) =>
        pushesByEventId.GetValueOrDefault(item.Id)
        ?? (item.TransactionId is { Length: > 0 } txn ? pushesByTransaction.GetValueOrDefault(txn) : null);

    private ImportedEvent? ToImported(OutlookEvent item)
    {
        if (item.IsCancelled || ToExternal(item) is not { } external || external.Interval() is not { } interval)
        {
            return null;
        }

        return new ImportedEvent(
            interval.Start.ToDateTimeOffset(),
            interval.End.ToDateTimeOffset(),
            external.Blocks(preferences.BlockingShowAs),
            preferences.ImportEventDetails && !external.IsPrivate ? item.Subject : null,
            external.ShowAs);
    }
}
