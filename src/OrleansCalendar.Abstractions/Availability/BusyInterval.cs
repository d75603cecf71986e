namespace OrleansCalendar.Abstractions.Availability;

/// <summary>One merged busy interval of the busy view.</summary>
[GenerateSerializer, Immutable]
public sealed record BusyInterval(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] BusySource Source,
    [property: Id(3)] string? CalendarId,
    [property: Id(4)] string? Title);
