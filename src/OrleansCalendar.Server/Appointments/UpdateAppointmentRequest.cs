namespace OrleansCalendar.Server.Appointments;

/// <summary>
/// Reschedule (start/end, re-checked like a booking) and/or change title and notes ("" clears them). Fields left out
/// stay as they are; at least one is needed.
/// </summary>
public sealed record UpdateAppointmentRequest(DateTimeOffset? Start = null, DateTimeOffset? End = null, string? Title = null, string? Notes = null);
