using System.ComponentModel.DataAnnotations;

namespace OrleansCalendar.Server.Calendars;

/// <summary>A bookable range of a weekday: "09:00" to "17:00"; "24:00" ends the day.</summary>
public sealed record HoursRangeRequest([property: Required] string? Start, [property: Required] string? End);
