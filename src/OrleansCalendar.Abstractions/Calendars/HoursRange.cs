namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>One bookable range of a weekday, in the calendar's zone: "09:00" to "17:00" ("24:00" ends the day).</summary>
[GenerateSerializer, Immutable]
public sealed record HoursRange([property: Id(0)] string Start, [property: Id(1)] string End);
