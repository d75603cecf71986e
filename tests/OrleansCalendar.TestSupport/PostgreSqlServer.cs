using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace OrleansCalendar.TestSupport;

/// <summary>
/// A throwaway PostgreSQL 15 server for a test run: its own data directory in a temp folder, listening on a
/// free loopback port only, trusting local connections, with durability switched off for speed.
/// </summary>
public sealed partial class PostgreSqlServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";

    // initdb refuses to run as root, so under root (CI containers) the server runs as this OS user.
    private const string ServiceAccount = "postgres";

    private readonly string _root;
    private readonly bool _runAsServiceAccount;

    private PostgreSqlServer(string root, int port, bool runAsServiceAccount)
    {
        _root = root;
        Port = port;
        _runAsServiceAccount = runAsServiceAccount;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    public static async Task<PostgreSqlServer> StartAsync()
    {
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL 15 is needed for these tests but {Path.Combine(BinDirectory, tool)} is missing. " +
                    "Install it with: apt-get install postgresql-15 (Debian/Ubuntu).");
            }
        }

        var runAsServiceAccount = Environment.IsPrivilegedProcess;
        var root = Directory.CreateTempSubdirectory("orleanscalendar-pg-").FullName;
        var sockets = Directory.CreateDirectory(Path.Combine(root, "sockets")).FullName;
        if (runAsServiceAccount)
        {
            await Command.RunAsync("chown", ["-R", $"{ServiceAccount}:", root], root);
        }

        var server = new PostgreSqlServer(root, FreePort.Next(), runAsServiceAccount);
        try
        {
            await server.RunToolAsync("initdb",
                "--pgdata", server.DataDirectory, "--username", Superuser, "--auth", "trust",
                "--encoding", "UTF8", "--locale", "C", "--no-sync");

            // Appending keeps the file owned by the service account.
            await File.AppendAllLinesAsync(Path.Combine(server.DataDirectory, "postgresql.conf"),
            [
                "listen_addresses = '127.0.0.1'",
                $"port = {server.Port}",
                $"unix_socket_directories = '{sockets}'",
                "max_connections = 200",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
            ]);

            await server.StartServerAsync();
            return server;
        }
        catch (Exception ex)
        {
            var log = File.Exists(server.LogFile) ? await File.ReadAllTextAsync(server.LogFile) : "(no server log)";
            await server.DisposeAsync();
            throw new InvalidOperationException($"Could not start PostgreSQL on port {server.Port}: {ex.Message}\n{log}", ex);
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = Superuser,
            Database = database,
        }.ConnectionString;

    /// <summary>Creates an empty database (one per test class keeps tests apart) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case database name.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server as an operator would (connections are closed, nothing is accepted) until <see cref="ResumeAsync"/>.</summary>
    public async Task StopAsync()
    {
        await RunToolAsync("pg_ctl", "--pgdata", DataDirectory, "--mode", "fast", "--wait", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server stopped by <see cref="StopAsync"/> again, on the same port with the same data.</summary>
    public async Task ResumeAsync() => await StartServerAsync();

    /// <summary><c>pg_dump -Fc</c> of a database (while it is in use, as a backup is taken) into <paramref name="file"/>.</summary>
    public async Task DumpAsync(string database, string file) =>
        await Command.RunAsync(Path.Combine(BinDirectory, "pg_dump"), [.. ClientArguments(), "--format", "custom", "--file", file, database], _root);

    /// <summary><c>pg_restore</c> of a dump into an existing (empty) database, as docs/operations.md tells operators to.</summary>
    public async Task RestoreAsync(string file, string database) =>
        await Command.RunAsync(Path.Combine(BinDirectory, "pg_restore"), [.. ClientArguments(), "--no-owner", "--exit-on-error", "--dbname", database, file], _root);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would otherwise linger against a server that no longer exists.
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", "--pgdata", DataDirectory, "--mode", "immediate", "--wait", "stop");
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<string> StartServerAsync() =>
        RunToolAsync("pg_ctl", "--pgdata", DataDirectory, "--log", LogFile, "--wait", "--timeout", "60", "start");

    /// <summary>Client tools connect over TCP as the superuser, whoever runs them.</summary>
    private string[] ClientArguments() => ["--host", IPAddress.Loopback.ToString(), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", Superuser];

    private Task<string> RunToolAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(BinDirectory, tool);

        // The service account may not be allowed into the caller's working directory.
        return _runAsServiceAccount
            ? Command.RunAsync("runuser", ["-u", ServiceAccount, "--", executable, .. arguments], _root)
            : Command.RunAsync(executable, arguments, _root);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
