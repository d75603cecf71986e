namespace OrleansCalendar.Server.Health;

/// <summary>One readiness check.</summary>
public sealed record HealthCheckEntry(string Status, string? Description);
