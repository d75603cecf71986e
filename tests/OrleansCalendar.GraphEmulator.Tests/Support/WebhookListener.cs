using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>
/// A tiny webhook receiver on a loopback port: answers Graph's validation handshake (unless told not to)
/// and records every notification body.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _notifications = new();
    private readonly ConcurrentQueue<string> _validationTokens = new();

    private WebhookListener(WebApplication app) => _app = app;

    public string NotificationUrl { get; private set; } = string.Empty;

    public string LifecycleUrl { get; private set; } = string.Empty;

    /// <summary>When false, validation requests get 200 with the wrong body.</summary>
    public bool EchoValidationToken { get; set; } = true;

    public IReadOnlyCollection<JsonElement> Notifications => _notifications;

    public IReadOnlyCollection<string> ValidationTokens => _validationTokens;

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/notify", (Delegate)listener.ReceiveAsync);
        app.MapPost("/lifecycle", (Delegate)listener.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.NotificationUrl = address + "/notify";
        listener.LifecycleUrl = address + "/lifecycle";
        return listener;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (context.Request.Query["validationToken"].FirstOrDefault() is { } token)
        {
            _validationTokens.Enqueue(token);
            return Results.Text(EchoValidationToken ? token : "not the token", "text/plain");
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        _notifications.Enqueue(document.RootElement.Clone());
        return Results.Accepted();
    }
}
