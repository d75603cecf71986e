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

    /// <summary>Every fetched event instance by Outlook id, blocking or not (pushed copies of ours excluded).</summary>
    [Id(3)]
    public Dictionary<string, ImportedEvent> Events { get; set; } = [];

    [Id(4)]
    public DateTimeOffset? LastSyncAt { get; set; }

    [Id(5)]
    public string? LastError { get; set; }

    /// <summary>Whether the availability grain holds this calendar's busy time as it stands in <see cref="Events"/>.</summary>
    [Id(6)]
    public bool Published { get; set; }
}

/// <summary>One fetched event instance, reduced to what availability needs.</summary>
[GenerateSerializer]
public sealed class ImportedEvent
{
    [Id(0)]
    public DateTimeOffset Start { get; set; }

    [Id(1)]
    public DateTimeOffset End { get; set; }

    [Id(2)]
    public bool Blocks { get; set; }

    /// <summary>Kept only when the connection imports details and the event is not private.</summary>
    [Id(3)]
    public string? Title { get; set; }
}
