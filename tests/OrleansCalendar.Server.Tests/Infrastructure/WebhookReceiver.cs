using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver on loopback (its own small Kestrel app): records every webhook request per path and answers
/// what the test says (200 by default; a status code, a delay or a redirect per path).
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

    /// <summary>Waits until <paramref name="done"/> holds for what <paramref name="name"/> received.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitAsync(string name, Func<IReadOnlyList<ReceivedWebhook>, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Task.FromResult(Received(name)), done, what, timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, DateTimeOffset ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public JsonNode Data => Json["data"]!;

    /// <summary>
    /// Checks the Standard Webhooks signature with our own HMAC (not the server's signing code): <c>v1,</c> + base64
    /// HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the base64-decoded secret after <c>whsec_</c>.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, CultureInfo.InvariantCulture));
}
