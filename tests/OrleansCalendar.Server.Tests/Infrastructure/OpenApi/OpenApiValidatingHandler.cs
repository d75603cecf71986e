namespace OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

/// <summary>
/// Sits in a test client's pipeline and checks every exchange against the OpenAPI document the server publishes:
/// each answer, and each request the server accepted. The caller still gets the response, body intact.
/// </summary>
internal sealed class OpenApiValidatingHandler(OpenApiTraffic traffic) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? requestBody = null;
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            requestBody = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);

        var uri = request.RequestUri!;
        traffic.Record(new Exchange(
            request.Method.Method,
            Uri.UnescapeDataString(uri.AbsolutePath),
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers(request.Headers, request.Content?.Headers),
            request.Content?.Headers.ContentType?.MediaType,
            requestBody,
            (int)response.StatusCode,
            Headers(response.Headers, response.Content.Headers),
            response.Content.Headers.ContentType?.MediaType,
            responseBody));
        return response;
    }

    private static Dictionary<string, string> Headers(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? content) =>
        headers.Concat(content ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
}
