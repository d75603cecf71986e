namespace OrleansCalendar.Server.Calendars;

/// <summary>Links a booking calendar to a provider: its appointments are pushed to each member's linked calendar there.</summary>
public sealed record LinkedCalendarRequest(string? Provider);
