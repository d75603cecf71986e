namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>
/// A request to book <see cref="Start"/> on a calendar. The end is derived from the calendar. <see cref="AppointmentId"/>
/// is set when the client made the request idempotent: a retry then lands on the same appointment.
/// <see cref="ChangedBy"/> says who books (<c>api</c> or <c>public</c>), for the appointment's events.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookingRequest(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset? End,
    [property: Id(2)] string? UserId,
    [property: Id(3)] string? Title,
    [property: Id(4)] Contact Contact,
    [property: Id(5)] string? Notes,
    [property: Id(6)] string? AppointmentId = null,
    [property: Id(7)] string ChangedBy = Events.ChangedBy.Api);
