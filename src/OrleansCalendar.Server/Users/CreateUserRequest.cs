using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.Users;

/// <summary>Adds a user who can be booked.</summary>
/// <param name="Name">Display name, 1–200 characters.</param>
/// <param name="Email">Email address, unique within the sub-account.</param>
/// <param name="TimeZone">IANA time zone name; defaults to the sub-account's.</param>
public sealed record CreateUserRequest([property: Required] string? Name, [property: Required] string? Email, string? TimeZone = null);
