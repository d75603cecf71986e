using Microsoft.Data.Sqlite;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Security;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// A consistent copy of the embedded store, taken while the service runs, laid out as a data directory: the SQLite
/// database, the Data Protection key ring and the generated admin key. Restoring is copying it into an empty data
/// directory.
/// </summary>
public static class EmbeddedStoreBackup
{
    /// <summary>
    /// Writes the backup to <paramref name="target"/>, which must not exist or be empty, and returns what it holds.
    /// The copy is assembled next to it and moved into place at the end, so the target never holds half a backup.
    /// </summary>
    public static IReadOnlyList<string> Write(string connectionString, string dataDirectory, string target)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"{target} is not empty: a backup is written into a new or empty directory only.");
        }

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        CreatePrivateDirectory(staging);
        try
        {
            var written = new List<string> { CopyDatabase(connectionString, staging) };

            // After the database: every key that encrypted a token in the copy existed when the copy was taken.
            written.AddRange(CopyKeyRing(dataDirectory, staging));
            var adminKey = Path.Combine(dataDirectory, AdminKeyStore.FileName);
            if (File.Exists(adminKey))
            {
                written.Add(CopyPrivate(adminKey, Path.Combine(staging, AdminKeyStore.FileName)));
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return written.Select(f => Path.GetRelativePath(staging, f)).ToList();
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// SQLite's online backup: one read transaction over a snapshot of the database, while the service goes on
    /// writing (WAL lets readers and the writer run side by side). A file copy could catch the database between
    /// the main file and its write-ahead log and be corrupt.
    /// </summary>
    private static string CopyDatabase(string connectionString, string staging)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new InvalidOperationException($"There is no embedded store at {source.DataSource}.");
        }

        var file = Path.Combine(staging, SqliteConnectionStrings.DatabaseFileName);
        var destination = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var from = new SqliteConnection(source.ToString());
        using var to = new SqliteConnection(destination.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);

        using var check = to.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var result = check.ExecuteScalar() as string;
        if (result != "ok")
        {
            throw new InvalidOperationException($"The copy of {source.DataSource} failed its integrity check: {result}");
        }

        OwnerOnly(file);
        return file;
    }

    private static List<string> CopyKeyRing(string dataDirectory, string staging)
    {
        var keys = Path.Combine(dataDirectory, SecretProtectionSetup.KeyRingDirectory);
        if (!Directory.Exists(keys))
        {
            return [];
        }

        var copy = Path.Combine(staging, SecretProtectionSetup.KeyRingDirectory);
        CreatePrivateDirectory(copy);
        return Directory.EnumerateFiles(keys).Select(key => CopyPrivate(key, Path.Combine(copy, Path.GetFileName(key)))).ToList();
    }

    private static string CopyPrivate(string from, string to)
    {
        File.Copy(from, to);
        OwnerOnly(to);
        return to;
    }

    private static void CreatePrivateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        OwnerOnly(path);
    }

    /// <summary>The tokens, the key ring that decrypts them and the admin key: for the owner's eyes only, like the originals.</summary>
    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.SetUnixFileMode(path, Directory.Exists(path) ? mode | UnixFileMode.UserExecute : mode);
        }
    }
}
