namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>
/// What a client sees as one event: a stored item, or an occurrence computed from a series master.
/// <see cref="Data"/> carries the remaining properties (the master for a plain occurrence).
/// </summary>
internal sealed record EventInstance(
    EventData Data,
    string Id,
    string Type,
    ZonedTime Start,
    ZonedTime End,
    string? SeriesMasterId,
    DateTime? OriginalStartUtc)
{
    public string ChangeKey => Data.ChangeKey;

    /// <summary>The stored item that owns this instance (the master for occurrences and exceptions).</summary>
    public string OwnerId => SeriesMasterId ?? Id;

    public bool Overlaps(DateTime startUtc, DateTime endUtc)
    {
        var start = Start.Utc;
        var end = End.Utc;

        // Zero-length events show when they start inside the window, as in Outlook.
        return start == end
            ? start >= startUtc && start < endUtc
            : start < endUtc && end > startUtc;
    }

    public static EventInstance Of(EventData data) =>
        new(data, data.Id, data.Type, data.Start, data.End, data.SeriesMasterId, data.OriginalStartUtc);
}
