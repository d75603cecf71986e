using System.Net;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// The client side of the documented contract: a 503 with <c>Retry-After</c> (grains moving between silos) is
/// retried after the wait it names, for at most <see cref="Window"/>; after that the 503 stands.
/// </summary>
public sealed class RetryAfterHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>How long a client keeps retrying, as docs/operations.md tells clients to.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private int _retries;

    /// <summary>503s that were retried.</summary>
    public int Retries => _retries;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList() ?? [];
        var deadline = DateTime.UtcNow + Window;
        while (true)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var wait = response.Headers.RetryAfter?.Delta;
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || wait is null || DateTime.UtcNow + wait.Value > deadline)
            {
                return response;
            }

            response.Dispose();
            Interlocked.Increment(ref _retries);
            await Task.Delay(wait.Value, cancellationToken);
            request = Copy(request, body, contentHeaders);
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>> contentHeaders)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in contentHeaders)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }
}
