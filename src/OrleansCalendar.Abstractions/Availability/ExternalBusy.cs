namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// A busy interval imported from an external calendar; <see cref="Title"/> only when details may be shown.
/// <see cref="ShowAs"/> is the event's Outlook showAs (busy, tentative, oof, …); null from senders of an earlier release.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExternalBusy(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? ShowAs = null);
