using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Hosting;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator;

/// <summary>
/// An in-process Microsoft Graph and identity platform emulator on a free loopback port, for tests that
/// talk to it through real HTTP. Dispose it to stop it.
/// </summary>
public sealed class GraphEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<GraphEmulatorState>();
        Control = app.Services.GetRequiredService<GraphEmulatorControl>();
    }

    /// <summary>Root of the emulator, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Identity host (no trailing slash): authorize is <c>{AuthorityHost}/{tenant}/oauth2/v2.0/authorize</c>.</summary>
    public string AuthorityHost => BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Graph base, <c>{BaseUrl}/v1.0</c>.</summary>
    public string GraphBaseUrl => AuthorityHost + "/v1.0";

    public string ClientId => State.Options.ClientId;

    public string ClientSecret => State.Options.ClientSecret;

    public string TenantId => State.Options.TenantId;

    /// <summary>The in-memory model.</summary>
    public GraphEmulatorState State { get; }

    /// <summary>Arrange and assert without HTTP.</summary>
    public GraphEmulatorControl Control { get; }

    public string AuthorizeEndpoint(string tenant = "common") => $"{AuthorityHost}/{tenant}/oauth2/v2.0/authorize";

    public string TokenEndpoint(string tenant = "common") => $"{AuthorityHost}/{tenant}/oauth2/v2.0/token";

    /// <summary>Starts an emulator on 127.0.0.1 with a free port.</summary>
    public static async Task<GraphEmulatorServer> StartAsync(GraphEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GraphEmulatorServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = EmulatorApp.Build(builder, options ?? new GraphEmulatorOptions());
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphEmulatorServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
