using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>Settings under <c>Storage__*</c> and <c>ConnectionStrings__Orleans</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The connection string the silo uses: <c>ConnectionStrings__Orleans</c> when set, otherwise the SQLite
    /// file in the data directory. PostgreSQL has no sensible default and must be configured.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, StorageProvider provider, ServerOptions server)
    {
        var configured = configuration.GetConnectionString("Orleans");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider switch
        {
            StorageProvider.Sqlite => SqliteConnectionStrings.ForDataDirectory(server.DataDirFullPath),
            _ => throw new InvalidOperationException(
                "Storage__Provider=PostgreSql needs ConnectionStrings__Orleans, for example " +
                "'Host=db;Database=orleans_calendar;Username=orleans;Password=...'."),
        };
    }
}
