using Microsoft.Data.Sqlite;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>
/// <c>OrleansCalendar.Server backup &lt;dir&gt;</c>: writes a consistent copy of the embedded store (database, key
/// ring, generated admin key) into a new directory while the service keeps running on the same data directory.
/// A cluster's state is all in PostgreSQL, which has its own tools (docs/operations.md).
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "backup";

    public static int Run(string[] args, IConfiguration configuration)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine("Usage: OrleansCalendar.Server backup <directory>   (the directory must be new or empty)");
            return 2;
        }

        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.Sqlite)
        {
            Console.Error.WriteLine("backup copies the embedded store. With Storage__Provider=PostgreSql everything, the key ring included, " +
                "is in the database: back it up with pg_dump (docs/operations.md, \"Backups and restore\").");
            return 2;
        }

        try
        {
            var connectionString = StorageOptions.ResolveConnectionString(configuration, storage.Provider, server);
            var written = EmbeddedStoreBackup.Write(connectionString, server.DataDirFullPath, args[1]);
            Console.WriteLine($"Backed up {server.DataDirFullPath} to {Path.GetFullPath(args[1])}: {string.Join(", ", written)}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or SqliteException)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
