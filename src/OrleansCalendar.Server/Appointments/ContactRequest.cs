using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.Appointments;

/// <summary>The person booking.</summary>
/// <param name="Name">1–200 characters.</param>
/// <param name="Email">Required on public booking pages.</param>
/// <param name="Phone">At most 40 characters.</param>
public sealed record ContactRequest([property: Required] string? Name, string? Email = null, string? Phone = null);
