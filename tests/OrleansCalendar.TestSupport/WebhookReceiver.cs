using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansCalendar.TestSupport;

/// <summary>
/// A real HTTP receiver on loopback (its own small Kestrel app) for the service's event webhooks: records every request
/// per path and answers what the caller says (200 by default; a status code, a delay or a redirect per path). Used by
/// tests and by the load tool.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<ReceivedWebhook, Task<IResult>>> _answers = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var hook = new ReceivedWebhook(name, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow);
            _received.GetOrAdd(name, _ => new ConcurrentQueue<ReceivedWebhook>()).Enqueue(hook);
            return _answers.TryGetValue(name, out var answer) ? await answer(hook) : Results.Ok();
        });
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    /// <summary>A fresh path of this receiver, so tests sharing it never see each other's requests.</summary>
    public string NewUrl(out string name)
    {
        name = Guid.NewGuid().ToString("N");
        return Url(name);
    }

    public string Url(string name) => new Uri(BaseUrl, $"/hooks/{name}").ToString();

    /// <summary>What requests to <paramref name="name"/> are answered with from now on.</summary>
    public void Answer(string name, Func<ReceivedWebhook, Task<IResult>> answer) => _answers[name] = answer;

    public void Answer(string name, int status) => Answer(name, _ => Task.FromResult(Results.StatusCode(status)));

    public IReadOnlyList<ReceivedWebhook> Received(string name) =>
        _received.TryGetValue(name, out var queue) ? queue.ToList() : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
