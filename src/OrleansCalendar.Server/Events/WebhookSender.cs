using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using StandardWebhooks;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// One Standard Webhooks request: <c>webhook-id</c> (the event id, the same on every attempt), <c>webhook-timestamp</c>
/// (this attempt, Unix seconds) and <c>webhook-signature</c> (<c>v1,</c> HMAC-SHA256, signed by the StandardWebhooks
/// package). One attempt only, on the <see cref="HttpClientName"/> client: no redirects, 15 s, a short read of the answer.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, EventPayloads payloads, TimeProvider clock) : IWebhookSender
{
    public const string HttpClientName = "event-webhooks";

    /// <summary>How much of a failed answer's body is kept as its error, for the delivery log.</summary>
    private const int ErrorBodyChars = 200;

    public async Task<DeliveryAttempt> SendAsync(string url, string secret, CalendarEvent @event, CancellationToken cancellationToken)
    {
        var body = await payloads.RenderAsync(@event);
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", @event.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(@event.Id, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("OrleansCalendar-Webhooks", "1"));

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryAttempt(true, status, null);
            }

            return new DeliveryAttempt(false, status, $"HTTP {status}{await SnippetAsync(response, cancellationToken)}");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return new DeliveryAttempt(false, null, e is HttpRequestException ? e.Message : "No answer within 15 seconds.");
        }
    }

    /// <summary>The start of the answer's body, read no further than needed.</summary>
    private static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[ErrorBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        var text = new string(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : ": " + text;
    }
}
