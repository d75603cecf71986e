using Microsoft.Extensions.Options;
using OrleansCalendar.Server.Hosting;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// The redirect URI Microsoft sends the user back to: <c>Server__PublicBaseUrl</c> when set (behind a proxy or
/// load balancer), else the address this request came in on.
/// </summary>
public sealed class OAuthRedirects(IOptions<ServerOptions> server)
{
    public const string CallbackPath = "/v1/oauth/outlook/callback";

    public Uri CallbackUri(HttpContext context)
    {
        var baseUrl = server.Value.PublicBaseUrl?.ToString().TrimEnd('/')
            ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return new Uri(baseUrl + CallbackPath);
    }
}
