using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>Applies the project's SQL scripts (idempotent) before the silo starts.</summary>
public sealed class SchemaMigrationHostedService(SchemaMigrator migrator, StorageSettings storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        migrator.MigrateAsync(storage.Provider, storage.ConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
