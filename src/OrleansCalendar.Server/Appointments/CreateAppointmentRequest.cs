namespace OrleansCalendar.Server.Appointments;

/// <summary>Books <c>start</c>; <c>end</c> may be left out (start plus the calendar's slot duration).</summary>
public sealed record CreateAppointmentRequest(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? UserId,
    string? Title,
    ContactRequest? Contact,
    string? Notes);
