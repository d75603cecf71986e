namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>The answer to a free-slot query, grouped by day in <see cref="TimeZone"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlots(
    [property: Id(0)] string CalendarId,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] IReadOnlyList<FreeSlotDay> Days);
