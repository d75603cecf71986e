namespace OrleansCalendar.Server.Calendars;

/// <summary>A bookable range of a weekday: "09:00" to "17:00"; "24:00" ends the day.</summary>
public sealed record HoursRangeRequest(string? Start, string? End);
