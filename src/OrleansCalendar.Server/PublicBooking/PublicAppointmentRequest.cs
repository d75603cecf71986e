using System.ComponentModel.DataAnnotations;
using OrleansCalendar.Server.Appointments;

namespace OrleansCalendar.Server.PublicBooking;

/// <summary>A booking from a public page: a start and who is booking (name and email required).</summary>
public sealed record PublicAppointmentRequest([property: Required] DateTimeOffset? Start, [property: Required] ContactRequest? Contact, string? Notes = null);
