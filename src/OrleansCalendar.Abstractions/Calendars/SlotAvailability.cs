namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>One slot of an explained day.</summary>
/// <param name="Start">In the answer's time zone.</param>
/// <param name="End">The start plus the calendar's slot duration.</param>
/// <param name="Bookable">Whether free slots offer it: true exactly when `GET .../free-slots` lists it for the same day and zone.</param>
/// <param name="Reasons">Empty when bookable; otherwise every reason that applies, rules first, then busy time member by member.</param>
[GenerateSerializer, Immutable]
public sealed record SlotAvailability(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] bool Bookable,
    [property: Id(3)] IReadOnlyList<AvailabilityReason> Reasons);
