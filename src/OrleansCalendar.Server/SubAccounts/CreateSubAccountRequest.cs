using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.SubAccounts;

/// <summary>Creates a business tenant.</summary>
/// <param name="Name">Display name, 1–200 characters.</param>
/// <param name="TimeZone">IANA time zone name, for example <c>America/New_York</c>.</param>
public sealed record CreateSubAccountRequest([property: Required] string? Name, [property: Required] string? TimeZone);
