namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>Why each time of one day can or cannot be booked: every slot of the day, in the answer's `timeZone`.</summary>
/// <param name="CalendarId">The explained calendar.</param>
/// <param name="Date">The explained day, in `timeZone`.</param>
/// <param name="TimeZone">The zone the day and every time are given in: the one the query named, else the calendar's.</param>
/// <param name="Slots">
/// Every grid position of the day (from 00:00, every `slotIntervalMinutes`; none for local times a daylight-saving
/// switch skips), and every slot of the calendar's own grid that starts on the day, by start.
/// </param>
[GenerateSerializer, Immutable]
public sealed record AvailabilityExplanation(
    [property: Id(0)] string CalendarId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] IReadOnlyList<SlotAvailability> Slots);
