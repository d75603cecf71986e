namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// A stored event (single instance, series master, or an occurrence/exception when asked for instances)
/// with everything a test may assert on, including <see cref="TransactionId"/> and extended properties.
/// </summary>
public sealed record EmulatedEvent
{
    public required string Id { get; init; }

    public required string CalendarId { get; init; }

    /// <summary>singleInstance, seriesMaster, occurrence or exception.</summary>
    public required string Type { get; init; }

    public string? SeriesMasterId { get; init; }

    public string? Subject { get; init; }

    public string BodyContent { get; init; } = string.Empty;

    public string BodyContentType { get; init; } = "html";

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required string StartTimeZone { get; init; }

    public required string EndTimeZone { get; init; }

    public bool IsAllDay { get; init; }

    public required string ShowAs { get; init; }

    public required string Sensitivity { get; init; }

    public bool IsCancelled { get; init; }

    public string? Location { get; init; }

    public string? TransactionId { get; init; }

    public required string ICalUId { get; init; }

    public required string ChangeKey { get; init; }

    public DateTimeOffset CreatedDateTime { get; init; }

    public DateTimeOffset LastModifiedDateTime { get; init; }

    public RecurrenceSpec? Recurrence { get; init; }

    public IReadOnlyDictionary<string, string> ExtendedProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Original dates of deleted occurrences (series masters).</summary>
    public IReadOnlyList<DateOnly> DeletedOccurrences { get; init; } = [];

    /// <summary>Original dates of modified occurrences (series masters).</summary>
    public IReadOnlyList<DateOnly> ExceptionDates { get; init; } = [];
}
