using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrleansCalendar.Server.Hosting;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Health;

/// <summary>Ready only while the grain store answers a trivial query.</summary>
public sealed class StorageHealthCheck(StorageSettings storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using DbConnection connection = storage.Provider == StorageProvider.PostgreSql
                ? new NpgsqlConnection(storage.ConnectionString)
                // Unpooled: a pooled connection keeps answering for a database file that is gone.
                : new SqliteConnection(new SqliteConnectionStringBuilder(storage.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{storage.Provider} answers.");
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} does not answer: {e.Message}");
        }
    }
}
