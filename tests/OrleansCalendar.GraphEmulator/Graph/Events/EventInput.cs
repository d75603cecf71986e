using System.Collections.Immutable;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>
/// The writable properties of an event as sent by a client (Graph JSON) or the control API.
/// A null property was not sent and is left unchanged on update.
/// </summary>
internal sealed class EventInput
{
    public string? Subject { get; set; }

    public EventBody? Body { get; set; }

    public ZonedTime? Start { get; set; }

    public ZonedTime? End { get; set; }

    public bool? IsAllDay { get; set; }

    public string? ShowAs { get; set; }

    public string? Sensitivity { get; set; }

    public string? Importance { get; set; }

    public bool? IsCancelled { get; set; }

    public bool? IsReminderOn { get; set; }

    public int? ReminderMinutesBeforeStart { get; set; }

    public string? LocationDisplayName { get; set; }

    public ImmutableArray<string>? Categories { get; set; }

    /// <summary>True when the client sent <c>recurrence</c> (possibly null, which removes it).</summary>
    public bool HasRecurrence { get; set; }

    public RecurrenceData? Recurrence { get; set; }

    public string? TransactionId { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>>? ExtendedProperties { get; set; }
}
