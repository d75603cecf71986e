using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.Appointments;

/// <summary>Books <c>start</c>; <c>end</c> may be left out (start plus the calendar's slot duration).</summary>
/// <param name="Start">ISO 8601 with an offset.</param>
/// <param name="End">Defaults to start plus the calendar's slot duration.</param>
/// <param name="UserId">The member to book on a round-robin or collective calendar; left out, the calendar chooses.</param>
/// <param name="Title">At most 200 characters.</param>
/// <param name="Contact">Who is booking.</param>
/// <param name="Notes">At most 4000 characters.</param>
public sealed record CreateAppointmentRequest(
    [property: Required] DateTimeOffset? Start,
    [property: Required] ContactRequest? Contact,
    DateTimeOffset? End = null,
    string? UserId = null,
    string? Title = null,
    string? Notes = null);
