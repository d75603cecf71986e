using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// A delta round in progress: the link of its next page and the events collected so far. A full round starts
/// from nothing; an incremental one from a copy of the events of the last complete round. Either way the events
/// in force are not touched until the round is complete.
/// </summary>
internal sealed class DeltaRound
{
    private DeltaRound(bool isFull, string? link, Dictionary<Guid, ImportedEvent> events, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        IsFull = isFull;
        Link = link;
        Events = events;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
    }

    public bool IsFull { get; }

    /// <summary>The page to ask for next: null for the first page of a full round.</summary>
    public string? Link { get; set; }

    public Dictionary<Guid, ImportedEvent> Events { get; }

    public DateTimeOffset WindowStart { get; }

    public DateTimeOffset WindowEnd { get; }

    /// <summary>Our pushed copies seen on the pages so far, by appointment id.</summary>
    public List<(string AppointmentId, OutlookEvent Item)> OwnCopies { get; } = [];

    public static DeltaRound Full(DateTimeOffset windowStart, DateTimeOffset windowEnd) => new(true, null, [], windowStart, windowEnd);

    public static DeltaRound Continue(CalendarSyncRecord record) =>
        new(false, record.DeltaLink, new Dictionary<Guid, ImportedEvent>(record.Imported), record.WindowStart, record.WindowEnd);

    public void Apply(DeltaApplier applier, OutlookDeltaPage page)
    {
        applier.Apply(page.Items, Events);
        OwnCopies.AddRange(applier.OwnCopies.Select(c => (c.Push.AppointmentId, c.Item)));
        applier.OwnCopies.Clear();
    }
}
