using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>The real server for a measurement: a Release build, started as its own process and waited for until ready.</summary>
internal static class BenchmarkServer
{
    public const string AdminKey = "load-test-admin-key";

    private static readonly Lock BuildLock = new();
    private static Task<string>? _build;
    private static int _started;

    /// <summary>
    /// Starts a server (embedded SQLite in a throwaway data directory unless <paramref name="environment"/> says
    /// otherwise); with <paramref name="publicBaseUrl"/> its own address is its public URL (webhooks on).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null, bool publicBaseUrl = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth__AdminKey"] = AdminKey,
            ["Server__ShutdownDrain"] = "00:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
            ["PublicBooking__PermitsPerMinute"] = "1000000",
        };
        if (publicBaseUrl)
        {
            settings["Server__PublicBaseUrl"] = "http://127.0.0.1:{port}";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return await ServerProcess.StartReadyAsync(await BuildOnceAsync(repositoryRoot), $"server-{Interlocked.Increment(ref _started)}", settings, TimeSpan.FromMinutes(3));
    }

    /// <summary>Builds the server in Release once per run (several processes may start from it at once).</summary>
    private static Task<string> BuildOnceAsync(string repositoryRoot)
    {
        lock (BuildLock)
        {
            return _build ??= BuildAsync(repositoryRoot);
        }
    }

    private static async Task<string> BuildAsync(string repositoryRoot)
    {
        using var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["build", "-c", "Release", "src/OrleansCalendar.Server", "-v", "quiet", "-nologo"])
        {
            WorkingDirectory = repositoryRoot,
        })!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the server failed ({build.ExitCode}).");
        }

        return ServerProcess.BuiltAssembly(repositoryRoot, "Release");
    }
}
