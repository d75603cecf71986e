using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// Several silo processes on one PostgreSQL database (clustering, grain storage, reminders, key ring), or one
/// embedded server process, behind a <see cref="LoadBalancer"/>, wired to the Graph emulator. Silos poll Outlook
/// every two seconds and webhooks are off, so periodic sync is what keeps integrations fresh. They log what the
/// shipped configuration logs.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string> _environment;
    private readonly List<ServerProcess> _silos = [];
    private readonly LoadBalancer _balancer = new();
    private int _started;

    private SiloCluster(Dictionary<string, string> environment)
    {
        _environment = environment;
        Retries = new RetryAfterHandler(_balancer);
    }

    /// <summary>The server assembly of this test run's configuration (Debug or Release).</summary>
    public static string ServerAssembly =>
        ServerProcess.BuiltAssembly(RepositoryRoot.Path, new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name);

    /// <summary>The silos started so far, stopped ones included.</summary>
    public IReadOnlyList<ServerProcess> Silos => _silos;

    /// <summary>The client-side retry of 503s, shared by every client of <see cref="Client"/>.</summary>
    public RetryAfterHandler Retries { get; }

    /// <summary>
    /// Starts <paramref name="silos"/> silos of <paramref name="assembly"/> (by default this tree's server) on a new
    /// database; <paramref name="settings"/> (environment variables) override the defaults.
    /// </summary>
    public static async Task<SiloCluster> StartAsync(
        PostgreSqlServer postgres, GraphEmulatorServer emulator, int silos, IReadOnlyDictionary<string, string>? settings = null, string? assembly = null)
    {
        var environment = SiloEnvironment(emulator, settings, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Orleans"] = await postgres.CreateDatabaseAsync(),
            ["Orleans__ClusterId"] = $"cluster-{Guid.NewGuid():N}",
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Auth__AdminKey"] = CalendarAppFactory.AdminKey,
        });
        var cluster = new SiloCluster(environment);
        try
        {
            // The first silo creates the schema; the others join once it is there.
            await cluster.AddSiloAsync(assembly);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.AddSiloAsync(assembly)));
            await cluster.WaitForActiveSilosAsync(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One embedded server (SQLite in its data directory, <paramref name="dataDir"/> if given) behind the balancer,
    /// configured as a newcomer runs it: no admin key set, so it generates one into its data directory. Without an
    /// emulator Outlook is not configured.
    /// </summary>
    public static async Task<SiloCluster> StartEmbeddedAsync(GraphEmulatorServer? emulator, IReadOnlyDictionary<string, string>? settings = null, string? dataDir = null)
    {
        var cluster = new SiloCluster(SiloEnvironment(emulator, settings, []));
        try
        {
            var server = await cluster.AddSiloAsync(dataDir: dataDir);
            cluster.AdminKey = (await File.ReadAllTextAsync(Path.Combine(server.DataDir, AdminKeyStore.FileName))).Trim();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silos' storage in a cluster (<c>ConnectionStrings__Orleans</c>); null for the embedded store.</summary>
    public string? ConnectionString => _environment.GetValueOrDefault("ConnectionStrings__Orleans");

    /// <summary>The admin key every silo accepts.</summary>
    public string AdminKey { get; private set; } = CalendarAppFactory.AdminKey;

    /// <summary>
    /// Starts one more silo of <paramref name="assembly"/> (by default this tree's server) and puts it behind the
    /// balancer once it is ready. <paramref name="dataDir"/> starts it on existing data (a restart, a restored
    /// backup); <paramref name="settings"/> override the cluster's for this silo only.
    /// </summary>
    public async Task<ServerProcess> AddSiloAsync(string? assembly = null, string? dataDir = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var silo = await ServerProcess.StartReadyAsync(assembly ?? ServerAssembly, $"silo-{Interlocked.Increment(ref _started)}", environment, StartTimeout, dataDir);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        _balancer.Add(silo.BaseUrl);
        return silo;
    }

    /// <summary>Settings of every silo: the emulator, fast polling, a short drain, then <paramref name="mode"/> and the test's own.</summary>
    private static Dictionary<string, string> SiloEnvironment(GraphEmulatorServer? emulator, IReadOnlyDictionary<string, string>? settings, Dictionary<string, string> mode)
    {
        var environment = new Dictionary<string, string>
        {
            ["Server__ShutdownDrain"] = "00:00:01",
            ["Sync__IntervalSeconds"] = "2",
        };
        foreach (var (key, value) in emulator is null ? [] : OutlookFixture.Settings(emulator))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (key, value) in mode.Concat(settings ?? new Dictionary<string, string>()))
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>A client through the balancer with the client-side retry; <paramref name="key"/> defaults to the admin key.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient(Retries, disposeHandler: false) { BaseAddress = LoadBalancer.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key ?? AdminKey);
        return client;
    }

    /// <summary>A client that talks to one silo only; with <paramref name="retry"/> it retries 503s as <see cref="Client"/> does.</summary>
    public static HttpClient Direct(ServerProcess silo, string? key = null, bool retry = false)
    {
        HttpMessageHandler handler = new HttpClientHandler { AllowAutoRedirect = false };
        var client = new HttpClient(retry ? new RetryAfterHandler(handler) : handler) { BaseAddress = silo.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key ?? CalendarAppFactory.AdminKey);
        return client;
    }

    /// <summary>
    /// A rolling replacement: each silo running now in turn is stopped (SIGTERM) and must exit 0, then a silo of
    /// <paramref name="assembly"/> (by default this tree's server) takes its place; once the cluster is whole again,
    /// <paramref name="afterEach"/> runs with the number of silos replaced so far.
    /// </summary>
    public async Task ReplaceEverySiloAsync(ITestOutputHelper output, string? assembly = null, Func<int, Task>? afterEach = null)
    {
        var running = _silos.Where(s => !s.HasExited).ToList();
        for (var i = 0; i < running.Count; i++)
        {
            var took = await StopAsync(running[i]);
            Assert.True(running[i].ExitCode == 0, $"{running[i].Name} exited with {running[i].ExitCode}:\n{running[i].Output}");
            var replacement = await AddSiloAsync(assembly);
            await WaitForActiveSilosAsync(running.Count);
            output.WriteLine($"{running[i].Name} stopped gracefully in {took.TotalSeconds:F1} s; {replacement.Name} joined");
            if (afterEach is not null)
            {
                await afterEach(i + 1);
            }
        }
    }

    public void Kill(ServerProcess silo)
    {
        silo.Kill();
        _balancer.Remove(silo.BaseUrl);
    }

    public async Task<TimeSpan> StopAsync(ServerProcess silo)
    {
        var took = await silo.StopGracefullyAsync(TimeSpan.FromSeconds(60));
        _balancer.Remove(silo.BaseUrl);
        return took;
    }

    /// <summary>The cluster as a silo's membership sees it (<c>GET /v1/cluster</c>).</summary>
    public static Task<JsonArray> MembersAsync(ServerProcess silo) => silo.MembersAsync(CalendarAppFactory.AdminKey);

    /// <summary>Waits until every running silo sees exactly <paramref name="count"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan? timeout = null)
    {
        foreach (var silo in _silos.Where(s => !s.HasExited).ToList())
        {
            await silo.WaitForActiveSilosAsync(AdminKey, count, timeout ?? TimeSpan.FromSeconds(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.Select(async s => await s.DisposeAsync()));
        Retries.Dispose(); // and the balancer inside it
    }
}
