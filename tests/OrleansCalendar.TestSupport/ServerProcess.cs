using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace OrleansCalendar.TestSupport;

/// <summary>
/// The real server binary as its own operating-system process, serving the whole API on its own loopback port
/// with its own silo ports and data directory (a silo of a cluster when the environment says PostgreSQL). It can
/// be killed (SIGKILL) or stopped gracefully (SIGTERM); disposing kills it and removes its data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int OutputLines = 300;

    // The first line of each entry of the default console log format ("info: Category[0]", "warn: …").
    private static readonly string[] InformationOrAbove = ["info: ", "warn: ", "fail: ", "crit: "];

    // Set ORLEANSCALENDAR_SERVER_LOGS to a directory to keep every line each server wrote, in <name>.log.
    private static readonly string? LogDirectory = Environment.GetEnvironmentVariable("ORLEANSCALENDAR_SERVER_LOGS");

    private readonly Lock _logGate = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly bool _ownsDataDir;

    private ServerProcess(string name, Process process, Uri baseUrl, string dataDir, bool ownsDataDir)
    {
        Name = name;
        DataDir = dataDir;
        _ownsDataDir = ownsDataDir;
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    /// <summary>The server's data directory (<c>Server__DataDir</c>), also its working directory.</summary>
    public string DataDir { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The processor time the server process has used so far (all its threads, user and kernel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The first line of every console log entry at Information or above that the process wrote since it started.</summary>
    public IReadOnlyCollection<string> InformationOrAboveEntries => _entries;

    /// <summary>Where <c>dotnet build</c> puts the server assembly for a configuration (Debug or Release).</summary>
    public static string BuiltAssembly(string repositoryRoot, string configuration) =>
        Path.Combine(repositoryRoot, "src", "OrleansCalendar.Server", "bin", configuration, "net10.0", "OrleansCalendar.Server.dll");

    /// <summary>
    /// Starts <paramref name="assembly"/>; <paramref name="environment"/> adds to (and may override) the per-process
    /// settings. <c>{port}</c> in a value stands for the process's HTTP port, for settings that name its own address.
    /// Without <paramref name="dataDir"/> the server gets a new data directory, removed when it is disposed; a given
    /// one (a restart on the same data, a restored backup) stays the caller's.
    /// </summary>
    public static ServerProcess Start(string assembly, string name, IReadOnlyDictionary<string, string> environment, string? dataDir = null)
    {
        var port = FreePort.Next();
        var ownsDataDir = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), $"oc-server-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Server__DataDir"] = dataDir;
        start.Environment["Orleans__SiloName"] = name;
        start.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return new ServerProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), dataDir, ownsDataDir);
    }

    /// <summary>
    /// Starts the server and waits until it is ready. A free port found by probing can be taken by someone else before
    /// the server binds it; then the server is started again on other ports.
    /// </summary>
    public static async Task<ServerProcess> StartReadyAsync(
        string assembly, string name, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? dataDir = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(assembly, name, environment, dataDir);
            try
            {
                await server.WaitReadyAsync(timeout);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Server {Name} exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Server {Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>The cluster as this server's membership sees it: <c>GET /v1/cluster</c> with the admin key.</summary>
    public async Task<JsonArray> MembersAsync(string adminKey)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        using var response = await client.GetAsync("/v1/cluster");
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!["silos"]!.AsArray()
            : throw new InvalidOperationException($"GET /v1/cluster on {Name} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Waits until this server sees exactly <paramref name="count"/> active silos in its cluster.</summary>
    public async Task WaitForActiveSilosAsync(string adminKey, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var members = await MembersAsync(adminKey);
            if (members.Count(m => m!["status"]!.GetValue<string>() == "active") == count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not see {count} active silos within {timeout}: {members.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs <c>OrleansCalendar.Server healthcheck</c> against this server, as a container runtime does; returns its exit code.</summary>
    public async Task<int> RunHealthCheckCommandAsync() =>
        (await RunCommandAsync(["healthcheck"], new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = BaseUrl.ToString() })).ExitCode;

    /// <summary>
    /// Runs a subcommand of this server's binary in another process, as an operator would next to the running
    /// server, with this server's settings (same data directory) plus <paramref name="environment"/>.
    /// </summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var settings = _process.StartInfo.Environment.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Command.ExecuteAsync("dotnet", [_process.StartInfo.ArgumentList[0], .. arguments], DataDir, settings);
    }

    /// <summary>kill -9: no goodbye to the cluster, no flush, connections reset.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Kubernetes and Docker send it; waits for the process to exit.</summary>
    public async Task<TimeSpan> StopGracefullyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        Terminate();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Server {Name} did not stop within {timeout} of SIGTERM:\n{Output}");
        }

        return watch.Elapsed;
    }

    /// <summary>Sends SIGTERM without waiting.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to server {Name} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsDataDir)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (LogDirectory is { } directory)
        {
            lock (_logGate)
            {
                File.AppendAllText(Path.Combine(directory, $"{Name}.log"), line + Environment.NewLine);
            }
        }

        if (InformationOrAbove.Any(level => line.StartsWith(level, StringComparison.Ordinal)))
        {
            _entries.Enqueue(line);
        }

        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one call.
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
