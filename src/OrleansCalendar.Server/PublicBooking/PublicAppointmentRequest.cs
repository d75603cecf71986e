using OrleansCalendar.Server.Appointments;

namespace OrleansCalendar.Server.PublicBooking;

/// <summary>A booking from a public page: a start and who is booking (name and email required).</summary>
public sealed record PublicAppointmentRequest(DateTimeOffset? Start, ContactRequest? Contact, string? Notes);
