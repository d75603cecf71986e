namespace OrleansCalendar.Server.Health;

/// <summary>Overall status and, for readiness, each check's status.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckEntry> Checks);
