using Microsoft.Kiota.Abstractions.Authentication;

namespace OrleansCalendar.Outlook;

/// <summary>
/// Hands the SDK the integration's token. The allowed hosts must name the configured Graph host (national cloud,
/// emulator), or the SDK silently sends requests without a token.
/// </summary>
internal sealed class GraphTokenProvider(AccessTokenSource source, string graphHost) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        source(cancellationToken);
}
