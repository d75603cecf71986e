using OrleansCalendar.GraphEmulator;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>A Graph emulator with default options for the tests of one class; each test adds the mailboxes it needs.</summary>
public sealed class GraphEmulatorFixture : IAsyncLifetime
{
    public GraphEmulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
