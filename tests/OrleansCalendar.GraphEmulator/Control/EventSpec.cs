namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// An event created through the control API, as if the user created it in Outlook.
/// <see cref="Start"/> and <see cref="End"/> are wall-clock times in <see cref="TimeZone"/>
/// (IANA or Windows name), unless their <see cref="DateTime.Kind"/> is UTC.
/// </summary>
public sealed record EventSpec(string Subject, DateTime Start, DateTime End, string TimeZone = "UTC")
{
    public bool IsAllDay { get; init; }

    /// <summary>free, tentative, busy, oof, workingElsewhere or unknown.</summary>
    public string ShowAs { get; init; } = "busy";

    /// <summary>normal, personal, private or confidential.</summary>
    public string Sensitivity { get; init; } = "normal";

    public bool IsCancelled { get; init; }

    public string? Body { get; init; }

    public string? Location { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public RecurrenceSpec? Recurrence { get; init; }

    public string? TransactionId { get; init; }

    /// <summary>Single-value extended properties by id (for example <c>String {guid} Name X</c>).</summary>
    public IReadOnlyDictionary<string, string>? ExtendedProperties { get; init; }
}
