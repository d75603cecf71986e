using Microsoft.Data.Sqlite;

namespace OrleansCalendar.Server.Storage;

/// <summary>Builds the connection string of the embedded SQLite store.</summary>
public static class SqliteConnectionStrings
{
    public const string DatabaseFileName = "orleans.db";

    /// <summary>The store's connection string for a file in <paramref name="dataDirectory"/>.</summary>
    /// <remarks>
    /// Private cache: SQLite discourages shared-cache mode, and WAL (set by <see cref="SchemaMigrator"/>)
    /// already lets readers run alongside the single writer. The default timeout is how long a statement
    /// waits for the write lock before failing.
    /// </remarks>
    public static string ForDataDirectory(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
}
