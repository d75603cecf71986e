namespace OrleansCalendar.Server.PublicBooking;

/// <summary>What a booking page needs to know about a calendar, and nothing about its people.</summary>
public sealed record PublicCalendarResponse(string Id, string Name, int SlotDurationMinutes, string TimeZone);
