using Microsoft.Kiota.Abstractions.Authentication;

namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>Hands the SDK a fixed access token, for the emulator host only.</summary>
internal sealed class StaticTokenProvider(string accessToken, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? accessToken : string.Empty);
}
