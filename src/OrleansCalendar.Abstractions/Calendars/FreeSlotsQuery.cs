namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>Inclusive calendar days in <see cref="TimeZone"/> (null: the calendar's zone), optionally for one member.</summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlotsQuery(
    [property: Id(0)] DateOnly StartDate,
    [property: Id(1)] DateOnly EndDate,
    [property: Id(2)] string? TimeZone,
    [property: Id(3)] string? UserId);
