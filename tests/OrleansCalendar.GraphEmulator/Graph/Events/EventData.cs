using System.Collections.Immutable;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>
/// One stored Outlook item: a single instance, a series master, or (inside a master's
/// <see cref="Exceptions"/>) a modified occurrence. Immutable: every change stores a new copy,
/// so readers can render snapshots without holding the store lock.
/// </summary>
internal sealed record EventData
{
    public required string Id { get; init; }

    public required string MailboxId { get; init; }

    public required string CalendarId { get; init; }

    public string? Subject { get; init; }

    public EventBody Body { get; init; } = EventBody.Empty;

    public required ZonedTime Start { get; init; }

    public required ZonedTime End { get; init; }

    public bool IsAllDay { get; init; }

    public string ShowAs { get; init; } = "busy";

    public string Sensitivity { get; init; } = "normal";

    public string Importance { get; init; } = "normal";

    public bool IsCancelled { get; init; }

    public string? LocationDisplayName { get; init; }

    public ImmutableArray<string> Categories { get; init; } = [];

    public bool IsReminderOn { get; init; } = true;

    public int ReminderMinutesBeforeStart { get; init; } = 15;

    public RecurrenceData? Recurrence { get; init; }

    public string? TransactionId { get; init; }

    public required string ICalUId { get; init; }

    public required string ChangeKey { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset LastModifiedDateTime { get; init; }

    /// <summary><c>singleValueExtendedProperties</c> by property id (case-insensitive).</summary>
    public ImmutableDictionary<string, string> ExtendedProperties { get; init; } =
        ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Modified occurrences of a series, by the occurrence's original date.</summary>
    public ImmutableDictionary<DateOnly, EventData> Exceptions { get; init; } = ImmutableDictionary<DateOnly, EventData>.Empty;

    /// <summary>Occurrences deleted from a series, by original date.</summary>
    public ImmutableHashSet<DateOnly> DeletedOccurrences { get; init; } = [];

    /// <summary>For an exception: its series master.</summary>
    public string? SeriesMasterId { get; init; }

    /// <summary>For an exception: the occurrence's original start (UTC).</summary>
    public DateTime? OriginalStartUtc { get; init; }

    public string Type => SeriesMasterId is not null
        ? "exception"
        : Recurrence is not null ? "seriesMaster" : "singleInstance";
}
