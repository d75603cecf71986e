namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>One PostgreSQL server for every test class in the <see cref="PostgreSqlCollection"/>.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlServer? _server;

    public PostgreSqlServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not been started.");

    public async Task InitializeAsync() => _server = await PostgreSqlServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
