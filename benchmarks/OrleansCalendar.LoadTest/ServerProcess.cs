using System.Diagnostics;
using System.Globalization;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>The real server in its own process (Release build; embedded SQLite in a throwaway data directory unless the environment says otherwise).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminKey = "load-test-admin-key";

    private static readonly Lock BuildLock = new();
    private static Task<string>? _build;

    private readonly Process _process;
    private readonly string _dataDir;

    private ServerProcess(Process process, string dataDir, Uri baseUrl)
    {
        _process = process;
        _dataDir = dataDir;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts the server; with <paramref name="publicBaseUrl"/> its own address is its public URL (webhooks on).</summary>
    public static async Task<ServerProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null, bool publicBaseUrl = false)
    {
        var assembly = await BuildOnceAsync(repositoryRoot);
        var port = FreePort.Next();
        var dataDir = Path.Combine(Path.GetTempPath(), $"oc-load-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Server__DataDir"] = dataDir;
        start.Environment["Auth__AdminKey"] = AdminKey;
        start.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Server__ShutdownDrain"] = "00:00:00";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["PublicBooking__PermitsPerMinute"] = "1000000";
        if (publicBaseUrl)
        {
            start.Environment["Server__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The server did not become ready within 3 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
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
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "src/OrleansCalendar.Server", "-v", "quiet", "-nologo"])
        {
            WorkingDirectory = repositoryRoot,
        })!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the server failed ({build.ExitCode}).");
        }

        return Path.Combine(repositoryRoot, "src", "OrleansCalendar.Server", "bin", "Release", "net10.0", "OrleansCalendar.Server.dll");
    }
}
