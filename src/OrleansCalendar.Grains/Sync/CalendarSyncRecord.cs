namespace OrleansCalendar.Grains.Sync;

/// <summary>The sync state of one Outlook calendar: its delta link and what the last complete round holds.</summary>
[GenerateSerializer]
public sealed class CalendarSyncRecord
{
    /// <summary>The deltaLink of the last complete round; null before the first one (or to force a full round).</summary>
    [Id(0)]
    public string? DeltaLink { get; set; }

    [Id(1)]
    public DateTimeOffset WindowStart { get; set; }

    [Id(2)]
    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>Every fetched event instance, blocking or not (pushed copies of ours excluded), by the <see cref="EventKey"/> of its Outlook id.</summary>
    [Id(7)]
    public Dictionary<Guid, ImportedEvent> Imported { get; set; } = [];

    /// <summary>The events keyed by the Outlook id itself, as stored before <see cref="EventKey"/>; moved into <see cref="Imported"/> on activation.</summary>
    [Id(3)]
    public Dictionary<string, ImportedEvent>? Events { get; set; }

    [Id(4)]
    public DateTimeOffset? LastSyncAt { get; set; }

    [Id(5)]
    public string? LastError { get; set; }

    /// <summary>Whether the availability grain holds this calendar's busy time as it stands in <see cref="Imported"/>.</summary>
    [Id(6)]
    public bool Published { get; set; }

    /// <summary>
    /// After a read from storage: moves events stored under their full Outlook ids (earlier versions) to
    /// <see cref="Imported"/>, and gives back the room the dictionary grew while it was filled entry by entry.
    /// </summary>
    public void CompactAfterRead()
    {
        foreach (var (outlookId, imported) in Events ?? [])
        {
            Imported[EventKey.Of(outlookId)] = imported;
        }

        Events = null;
        Imported.TrimExcess();
    }
}

/// <summary>
/// One fetched event instance, reduced to what availability needs; held inline in its calendar's dictionary.
/// <see cref="ShowAs"/> is null for events stored before it was kept, until the calendar's next full round.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ImportedEvent(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] bool Blocks,
    [property: Id(3)] string? Title,
    [property: Id(4)] string? ShowAs = null);
