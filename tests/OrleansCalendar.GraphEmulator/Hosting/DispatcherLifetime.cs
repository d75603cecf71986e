using OrleansCalendar.GraphEmulator.Graph.Subscriptions;

namespace OrleansCalendar.GraphEmulator.Hosting;

/// <summary>Runs the notification dispatcher with the host and disposes it afterwards (the host does not own the instance).</summary>
internal sealed class DispatcherLifetime(NotificationDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => dispatcher.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await dispatcher.StopAsync(cancellationToken);
        dispatcher.Dispose();
    }
}
