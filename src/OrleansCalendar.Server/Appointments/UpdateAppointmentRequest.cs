namespace OrleansCalendar.Server.Appointments;

/// <summary>Reschedule (start/end, re-checked like a booking) and/or change title and notes ("" clears them).</summary>
public sealed record UpdateAppointmentRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Title, string? Notes);
