using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansCalendar.TestSupport;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// The real server hosted in this process on a given data directory (polling at its default period unless
/// <paramref name="settings"/> say otherwise, no webhooks), so a scenario can read its managed heap or give it a clock
/// of its own. (Any type of the server's assembly names its entry point; this tool has a <c>Program</c> of its own.)
/// </summary>
internal sealed class InProcessServer(string dataDir, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Server.Hosting.ServerOptions>
{
    public void Start() => _ = Server;

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);
        return client;
    }

    /// <summary>The managed heap after full, compacting collections: what live objects hold.</summary>
    public static long CollectedHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Server:DataDir", dataDir);
        builder.UseSetting("Auth:AdminKey", BenchmarkServer.AdminKey);
        builder.UseSetting("Server:ShutdownDrain", "00:00:00");
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("contentRoot", AppContext.BaseDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
