using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>Drives the authorization code flow with PKCE the way a confidential web app does, over plain HTTP.</summary>
internal sealed class OAuthClient(GraphEmulatorServer emulator) : IDisposable
{
    public const string RedirectUri = "https://app.example.test/v1/oauth/outlook/callback";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>Visits authorize and returns the query of the redirect back to the app.</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(
        string scope = "offline_access https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/User.Read openid profile",
        string state = "state-123",
        string? loginHint = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = emulator.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["response_mode"] = "query",
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
            ["login_hint"] = loginHint,
            ["prompt"] = "select_account",
        };
        using var response = await _http.GetAsync(QueryHelpers.AddQueryString(emulator.AuthorizeEndpoint(), query));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<TokenResponse> RedeemAsync(string code, string? verifier = null, string? secret = null) =>
        PostTokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier ?? Verifier,
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = secret ?? emulator.ClientSecret,
        });

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        PostTokenAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
        });

    public void Dispose() => _http.Dispose();

    private async Task<TokenResponse> PostTokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(emulator.TokenEndpoint(), content);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new TokenResponse(response.StatusCode, json);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
