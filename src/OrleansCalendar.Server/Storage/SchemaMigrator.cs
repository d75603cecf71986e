using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// Applies the SQL scripts of <c>deploy/sql/&lt;provider&gt;</c>, embedded in this assembly, before the silo
/// starts. The scripts are idempotent, so they run at every start-up and there is no migration history.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "Sql/";

    // Any fixed number will do, as long as every silo sharing a database uses the same one.
    private const long PostgreSqlAdvisoryLockKey = 0x4F43_5363_6865_6D61; // "OCSchema"

    public async Task MigrateAsync(StorageProvider provider, string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        var scripts = LoadScripts(provider);
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No SQL scripts for {provider} are embedded in {typeof(SchemaMigrator).Assembly.GetName().Name}.");
        }

        switch (provider)
        {
            case StorageProvider.Sqlite:
                await MigrateSqliteAsync(scripts, connectionString, ct);
                break;
            case StorageProvider.PostgreSql:
                await MigratePostgreSqlAsync(scripts, connectionString, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider.");
        }
    }

    /// <summary>The provider's scripts in the order they are applied.</summary>
    internal static IReadOnlyList<(string Name, string Sql)> LoadScripts(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var folder = $"{ResourcePrefix}{FolderOf(provider)}/";

        // MSBuild fills %(RecursiveDir) with the platform's separator, so Windows builds name the
        // resources "Sql/sqlite\001-persistence.sql".
        return assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Name: resource.Replace('\\', '/')))
            .Where(r => r.Name.StartsWith(folder, StringComparison.OrdinalIgnoreCase)
                && r.Name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => (r.Name[ResourcePrefix.Length..], ReadResource(assembly, r.Resource)))
            .ToList();
    }

    private static string FolderOf(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => "sqlite",
        StorageProvider.PostgreSql => "postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task MigrateSqliteAsync(IReadOnlyList<(string Name, string Sql)> scripts, string connectionString, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var databaseFile = FileOf(builder);
        if (databaseFile is not null)
        {
            // SQLite creates the file but not its directory.
            Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);

        // WAL is recorded in the file, so every later connection (including Orleans' own) gets it.
        // It cannot be switched inside a transaction, hence before the scripts.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            var journalMode = await pragma.ExecuteScalarAsync(ct);
            logger.LogInformation("SQLite database {Database} uses journal mode {JournalMode}", databaseFile ?? builder.DataSource, journalMode);
        }

        foreach (var (name, sql) in scripts)
        {
            // BEGIN IMMEDIATE takes the write lock up front, so a concurrent writer makes us wait
            // rather than fail halfway through the script.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Applied schema script {Script} to SQLite database {Database}", name, databaseFile ?? builder.DataSource);
        }
    }

    private static string? FileOf(SqliteConnectionStringBuilder builder)
    {
        var dataSource = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase);
        var isUri = dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        return inMemory || isUri ? null : Path.GetFullPath(dataSource);
    }

    private async Task MigratePostgreSqlAsync(IReadOnlyList<(string Name, string Sql)> scripts, string connectionString, CancellationToken ct)
    {
        var target = DescribePostgreSql(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // Silos starting together would otherwise race on CREATE TABLE IF NOT EXISTS and
        // CREATE OR REPLACE FUNCTION, which are not safe against concurrent sessions.
        logger.LogDebug("Waiting for the schema lock on {Database}", target);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgreSqlAdvisoryLockKey})", ct);
        try
        {
            foreach (var (name, sql) in scripts)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                logger.LogInformation("Applied schema script {Script} to PostgreSQL database {Database}", name, target);
            }
        }
        finally
        {
            // Closing the connection would release the lock too, but a pooled connection may stay open.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgreSqlAdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Names the database for the log without the credentials in the connection string.</summary>
    private static string DescribePostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Database ?? builder.Username} on {builder.Host}:{builder.Port} as {builder.Username}";
    }
}
