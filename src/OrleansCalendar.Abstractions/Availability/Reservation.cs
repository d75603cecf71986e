namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// An appointment's claim on a member's time. <see cref="Revision"/> grows with every reschedule, so an old
/// and a new reservation of the same appointment can coexist while a move is in flight.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Reservation(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] int Revision,
    [property: Id(2)] string CalendarId,
    [property: Id(3)] DateTimeOffset BlockedStart,
    [property: Id(4)] DateTimeOffset BlockedEnd,
    [property: Id(5)] DateTimeOffset Start,
    [property: Id(6)] DateTimeOffset End,
    [property: Id(7)] bool IgnoresExternalBusy);
