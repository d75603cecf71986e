using Microsoft.Extensions.Options;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>
/// The first step of a graceful stop. Lifecycle services' <c>StoppingAsync</c> runs before any hosted service
/// stops, so for the drain period this silo still answers every request while <c>/health/ready</c> says 503 and
/// load balancers take it out of rotation. Then Kestrel stops accepting and finishes in-flight requests, and
/// last the silo (registered first, stopped last) deactivates its grains and leaves the cluster.
/// </summary>
public sealed partial class GracefulShutdown(IOptions<ServerOptions> server, StorageSettings storage, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan ClusterDrain = TimeSpan.FromSeconds(5);

    public bool IsStopping { get; private set; }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        IsStopping = true;
        var drain = server.Value.ShutdownDrain ?? (storage.Provider == StorageProvider.PostgreSql ? ClusterDrain : TimeSpan.Zero);
        LogDraining(drain.TotalSeconds);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown timeout reached: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: not ready any more, serving requests for {DrainSeconds} s before the listener closes")]
    private partial void LogDraining(double drainSeconds);
}
