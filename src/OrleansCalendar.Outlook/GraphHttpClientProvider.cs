using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace OrleansCalendar.Outlook;

/// <summary>
/// One HttpClient for Graph: the SDK's middleware (redirects, compression, headers) without its RetryHandler,
/// in front of the named client's pipeline (one attempt with a timeout) and the per-mailbox limiter. Retries are
/// owned in one place, the integration grain's backoff, so they are never doubled and never wait inside a grain turn.
/// </summary>
public sealed class GraphHttpClientProvider : IDisposable
{
    public const string HttpClientName = "outlook-graph";

    public GraphHttpClientProvider(IHttpMessageHandlerFactory handlers)
    {
        var sdkHandlers = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        var pipeline = Microsoft.Kiota.Http.HttpClientLibrary.KiotaClientFactory.ChainHandlersCollectionAndGetFirstLink(handlers.CreateHandler(HttpClientName), [.. sdkHandlers])!;
        Client = new HttpClient(pipeline) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
