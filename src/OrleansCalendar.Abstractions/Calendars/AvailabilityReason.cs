namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>One reason a slot cannot be booked.</summary>
/// <param name="Code">What keeps the slot from being offered.</param>
/// <param name="UserId">Whose busy time it is (busy reasons of a calendar with members); null otherwise.</param>
/// <param name="Start">
/// The start of what the reason is about: the busy item's own start (an appointment's, not its buffer's), the current
/// time for `minimum-notice`, the last bookable start for `beyond-booking-window`; null otherwise.
/// </param>
/// <param name="End">The end of the busy item, or of the notice period for `minimum-notice`; null otherwise.</param>
/// <param name="Source">The busy item: the appointment, or the Outlook event; null for other reasons.</param>
[GenerateSerializer, Immutable]
public sealed record AvailabilityReason(
    [property: Id(0)] AvailabilityReasonCode Code,
    [property: Id(1)] string? UserId,
    [property: Id(2)] DateTimeOffset? Start,
    [property: Id(3)] DateTimeOffset? End,
    [property: Id(4)] ReasonSource? Source);
