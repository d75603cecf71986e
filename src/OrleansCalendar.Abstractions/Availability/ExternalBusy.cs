namespace OrleansCalendar.Abstractions.Availability;

/// <summary>A busy interval imported from an external calendar; <see cref="Title"/> only when details may be shown.</summary>
[GenerateSerializer, Immutable]
public sealed record ExternalBusy(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string? Title);
