namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// A change to an event through the control API, as if the user edited it in Outlook. Null leaves a
/// property as it is. New times are read in <see cref="TimeZone"/>, else in the event's own zone.
/// </summary>
public sealed record EventPatch
{
    public string? Subject { get; init; }

    public DateTime? Start { get; init; }

    public DateTime? End { get; init; }

    public string? TimeZone { get; init; }

    public bool? IsAllDay { get; init; }

    public string? ShowAs { get; init; }

    public string? Sensitivity { get; init; }

    public bool? IsCancelled { get; init; }

    public string? Body { get; init; }

    public string? Location { get; init; }

    public RecurrenceSpec? Recurrence { get; init; }

    /// <summary>Turns a series back into a single event.</summary>
    public bool RemoveRecurrence { get; init; }

    public IReadOnlyDictionary<string, string>? ExtendedProperties { get; init; }
}
