namespace OrleansCalendar.Server.Appointments;

/// <summary>The person booking.</summary>
public sealed record ContactRequest(string? Name, string? Email, string? Phone);
