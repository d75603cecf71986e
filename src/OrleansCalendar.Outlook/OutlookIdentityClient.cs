using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansCalendar.Outlook;

/// <summary>
/// The identity platform's authorize and token endpoints, spoken with a plain HttpClient: MSAL refuses http
/// authorities, and a server that stores its own tokens needs nothing MSAL adds.
/// </summary>
public sealed class OutlookIdentityClient(HttpClient http, IOptions<OutlookOptions> options, TimeProvider clock) : IOutlookIdentity
{
    public const string HttpClientName = "outlook-identity";

    private OutlookOptions Options => options.Value;

    public Uri AuthorizationUrl(AuthorizationRequest request)
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = request.RedirectUri.ToString(),
            ["response_mode"] = "query",
            ["scope"] = Scopes(request.Access),
            ["state"] = request.State,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = "S256",
            ["prompt"] = "select_account",
        };
        if (!string.IsNullOrEmpty(request.LoginHint))
        {
            query["login_hint"] = request.LoginHint;
        }

        var encoded = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{Endpoint("authorize")}?{encoded}");
    }

    public Task<TokenGrant> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken) =>
        RequestTokenAsync(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri.ToString(),
                ["code_verifier"] = codeVerifier,
            },
            cancellationToken);

    public Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestTokenAsync(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            },
            cancellationToken);

    /// <summary>The scopes for an access level. <c>offline_access</c> is what yields a refresh token.</summary>
    public static string Scopes(OutlookAccess access) =>
        access == OutlookAccess.ReadWrite ? "offline_access User.Read Calendars.ReadWrite" : "offline_access User.Read Calendars.Read";

    private string ClientId => Options.IsConfigured ? Options.ClientId! : throw new InvalidOperationException("Outlook is not configured (Outlook__ClientId).");

    private Uri Endpoint(string name) =>
        new($"{Options.AuthorityHost.ToString().TrimEnd('/')}/{Uri.EscapeDataString(Options.Tenant)}/oauth2/v2.0/{name}");

    private async Task<TokenGrant> RequestTokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = ClientId;
        form["client_secret"] = Options.ClientSecret ?? "";
        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await http.PostAsync(Endpoint("token"), content, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            // Refused connections, the request's timeout and the caller's deadline alike: nothing was answered.
            throw new OutlookAuthException(OutlookAuthFailure.Unavailable, null, "The Microsoft identity platform did not answer.", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ParseGrant(body);
            }

            throw ParseError(response.StatusCode, body);
        }
    }

    private TokenGrant ParseGrant(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var expiresIn = root.TryGetProperty("expires_in", out var e)
            ? e.ValueKind == JsonValueKind.Number ? e.GetInt32() : int.Parse(e.GetString()!, CultureInfo.InvariantCulture)
            : 3600;
        var scopes = root.TryGetProperty("scope", out var s) ? s.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return new TokenGrant(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var r) ? r.GetString() ?? "" : "",
            clock.GetUtcNow().AddSeconds(expiresIn),
            scopes);
    }

    /// <summary>Turns an OAuth error into a failure class and a message fit for a person, with no token in it.</summary>
    private static OutlookAuthException ParseError(HttpStatusCode status, string body)
    {
        string? error = null;
        string? description = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
        }

        // AADSTS descriptions carry trace and correlation ids on later lines: the first line is the message.
        var firstLine = description?.Split('\n', 2)[0].Trim();
        var message = $"{error ?? ((int)status).ToString(CultureInfo.InvariantCulture)}: {firstLine ?? "no description"}";
        var failure = error switch
        {
            "invalid_grant" or "interaction_required" or "consent_required" => OutlookAuthFailure.ReconnectRequired,
            "invalid_client" or "unauthorized_client" => OutlookAuthFailure.InvalidClient,
            _ when (int)status >= 500 || status == HttpStatusCode.TooManyRequests => OutlookAuthFailure.Unavailable,
            _ => OutlookAuthFailure.Rejected,
        };

        // A redeemed code, a PKCE mismatch or a wrong redirect also come as invalid_grant: only refresh failures mean reconnect,
        // which the caller knows; the codes below are the ones Entra uses for a dead refresh token.
        return new OutlookAuthException(failure, error, message);
    }
}
