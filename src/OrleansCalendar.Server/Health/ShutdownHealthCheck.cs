using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansCalendar.Server.Hosting;

namespace OrleansCalendar.Server.Health;

/// <summary>Not ready once a graceful stop has begun, so load balancers send nothing new to this silo.</summary>
public sealed class ShutdownHealthCheck(GracefulShutdown shutdown) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(shutdown.IsStopping
            ? HealthCheckResult.Unhealthy("The silo is shutting down.")
            : HealthCheckResult.Healthy("Accepting requests."));
}
