namespace OrleansCalendar.Server.PublicBooking;

/// <summary>The confirmation a visitor sees: no member names, no internal state.</summary>
public sealed record PublicAppointmentResponse(string Id, string CalendarId, DateTimeOffset Start, DateTimeOffset End, string Status);
