using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;
using OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Hosts the real server (API + co-hosted silo + real storage) in the test process. Each instance gets its own
/// data directory and silo ports, so factories run side by side and a second factory on the same data
/// directory is a restart of the first.
/// </summary>
public sealed class CalendarAppFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    public CalendarAppFactory(string? dataDir = null, IDictionary<string, string?>? settings = null, int? kestrelPort = null, bool injectStorageFaults = false, TimeProvider? clock = null)
    {
        _clock = clock;
        Faults = injectStorageFaults ? new StorageFaults() : null;
        DataDir = dataDir ?? TempDirectory.Create("oc-data");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Server:DataDir"] = DataDir,
            ["Auth:AdminKey"] = AdminKey,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),

            // No load balancer watches these hosts: stop at once.
            ["Server:ShutdownDrain"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (kestrelPort is { } port)
        {
            // A real listener, for callers outside the process (the emulator's webhook notifications).
            UseKestrel(port);
            KestrelBaseUrl = new Uri($"http://127.0.0.1:{port}");
        }
    }

    /// <summary>Where the real listener is, when the factory was made with a Kestrel port.</summary>
    public Uri? KestrelBaseUrl { get; }

    /// <summary>Starts the host: in memory, or on Kestrel when the factory was made with a port.</summary>
    public void Start()
    {
        if (KestrelBaseUrl is null)
        {
            _ = Server;
        }
        else
        {
            StartServer();
        }
    }

    public string DataDir { get; }

    /// <summary>The storage faults to inject, when the factory was made with <c>injectStorageFaults</c>.</summary>
    public StorageFaults? Faults { get; }

    /// <summary>Everything the server logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    public HttpClient CreateClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    /// <summary>
    /// A client (sending <paramref name="key"/>, following no redirects) whose every exchange is checked against the
    /// OpenAPI document into <paramref name="traffic"/>.
    /// </summary>
    internal HttpClient CreateValidatedClient(OpenApiTraffic traffic, string? key)
    {
        var client = CreateDefaultClient(new OpenApiValidatingHandler(traffic));
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    /// <summary>The live document as a contract to check traffic against.</summary>
    internal async Task<OpenApiContract> GetContractAsync()
    {
        using var response = await CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new OpenApiContract(System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Faults is { } faults)
        {
            builder.ConfigureTestServices(services => StorageFaultsSetup.Install(services, faults));
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
