namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>One calendar day in <see cref="TimeZone"/> (null: the calendar's zone) to explain, optionally for one member.</summary>
[GenerateSerializer, Immutable]
public sealed record AvailabilityQuery(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string? TimeZone,
    [property: Id(2)] string? UserId);
