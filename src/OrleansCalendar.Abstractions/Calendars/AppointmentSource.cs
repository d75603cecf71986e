namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>The appointment behind an `appointment` or `appointment-buffer` reason.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="CalendarId">The booking calendar it was booked on (this one or another calendar of the member).</param>
[GenerateSerializer, Immutable]
public sealed record AppointmentSource(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] string CalendarId) : ReasonSource;
