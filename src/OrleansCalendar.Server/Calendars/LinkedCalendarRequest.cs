using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.Calendars;

/// <summary>Links a booking calendar to a provider: its appointments are pushed to each member's linked calendar there.</summary>
/// <param name="Provider">Only <c>outlook</c>.</param>
public sealed record LinkedCalendarRequest([property: Required] string? Provider);
