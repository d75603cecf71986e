using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary><c>POST /{tenant}/oauth2/v2.0/token</c> for the <c>authorization_code</c> and <c>refresh_token</c> grants.</summary>
internal static class TokenHandler
{
    public static async Task<IResult> HandleAsync(HttpContext context, string tenant, GraphEmulatorState state)
    {
        if (!context.Request.HasFormContentType)
        {
            throw OAuthErrorException.MissingParameter("grant_type");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, clientSecret) = ClientCredentials(context.Request, form);
        AuthenticateClient(state.Options, tenant, clientId, clientSecret);
        var authorityHost = $"{context.Request.Scheme}://{context.Request.Host}";
        var grantType = form["grant_type"].ToString();
        var tokens = grantType switch
        {
            "authorization_code" => RedeemCode(state, form, clientId!, authorityHost),
            "refresh_token" => Refresh(state, form, clientId!, authorityHost),
            "" => throw OAuthErrorException.MissingParameter("grant_type"),
            _ => throw new OAuthErrorException(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'."),
        };
        return OAuthResponses.Tokens(tokens);
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) &&
            string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static void AuthenticateClient(GraphEmulatorOptions options, string tenant, string? clientId, string? secret)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            throw OAuthErrorException.MissingParameter("client_id");
        }

        if (!string.Equals(clientId, options.ClientId, StringComparison.Ordinal))
        {
            throw new OAuthErrorException(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            throw new OAuthErrorException(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(options.ClientSecret)))
        {
            throw new OAuthErrorException(401, "invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
        }
    }

    private static TokenSet RedeemCode(GraphEmulatorState state, IFormCollection form, string clientId, string authorityHost)
    {
        var codeText = form["code"].ToString();
        if (codeText.Length == 0)
        {
            throw OAuthErrorException.MissingParameter("code");
        }

        var now = state.Options.TimeProvider.GetUtcNow();
        var code = state.Identity.FindCode(codeText);
        if (code is null || code.ClientId != clientId)
        {
            throw OAuthErrorException.InvalidGrant(70000, "The provided value for the 'code' parameter is not valid.");
        }

        if (code.Redeemed)
        {
            throw OAuthErrorException.InvalidGrant(54005,
                "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
        }

        if (code.ExpiresAt <= now)
        {
            throw OAuthErrorException.InvalidGrant(70008,
                "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
        }

        if (!string.Equals(form["redirect_uri"], code.RedirectUri, StringComparison.Ordinal))
        {
            throw OAuthErrorException.InvalidGrant(70000,
                "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.");
        }

        if (code.CodeChallenge is not null && !VerifierMatches(form["code_verifier"], code))
        {
            throw OAuthErrorException.InvalidGrant(501481,
                "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        }

        if (!state.Identity.TryRedeem(code.Code))
        {
            throw OAuthErrorException.InvalidGrant(54005,
                "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
        }

        var mailbox = state.Mailboxes.FindMailbox(code.MailboxId)
            ?? throw OAuthErrorException.InvalidGrant(50034, "The user account does not exist in the directory.");
        return state.Identity.Issue(mailbox, clientId, code.Scopes, code.Nonce, authorityHost);
    }

    private static TokenSet Refresh(GraphEmulatorState state, IFormCollection form, string clientId, string authorityHost)
    {
        var token = form["refresh_token"].ToString();
        if (token.Length == 0)
        {
            throw OAuthErrorException.MissingParameter("refresh_token");
        }

        var grant = state.Identity.FindRefreshToken(token);
        if (grant is null)
        {
            throw OAuthErrorException.InvalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }

        if (grant.ClientId != clientId)
        {
            throw OAuthErrorException.InvalidGrant(70000, "The refresh token was issued to a different client.");
        }

        if (state.Identity.TokensValidFrom(grant.MailboxId) is { } validFrom && grant.GrantIssuedAt < validFrom)
        {
            throw OAuthErrorException.InvalidGrant(50173,
                "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. " +
                $"The grant was issued on '{Iso(grant.GrantIssuedAt)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{Iso(validFrom)}'.");
        }

        var now = state.Options.TimeProvider.GetUtcNow();
        if (grant.ExpiresAt <= now)
        {
            throw OAuthErrorException.InvalidGrant(70008,
                "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
        }

        if (grant.Retired)
        {
            throw OAuthErrorException.InvalidGrant(70000, "The provided refresh token has already been redeemed.");
        }

        var scopes = grant.Scopes;
        if (form["scope"].FirstOrDefault() is { Length: > 0 } scopeText)
        {
            var asked = Scopes.Parse(scopeText, state.Options.DefaultScopes);
            var missing = asked.Where(s => !Scopes.IsOpenId(s) && !Scopes.Has(grant.Scopes, s)).ToList();
            if (missing.Count > 0)
            {
                throw OAuthErrorException.InvalidGrant(65001,
                    $"The user or administrator has not consented to use the application with ID '{clientId}'. Send an interactive authorization request for this user and resource.");
            }

            scopes = [.. asked.Where(s => Scopes.Has(grant.Scopes, s))];
        }

        var mailbox = state.Mailboxes.FindMailbox(grant.MailboxId)
            ?? throw OAuthErrorException.InvalidGrant(50034, "The user account does not exist in the directory.");
        if (state.Options.InvalidateRotatedRefreshTokens)
        {
            state.Identity.Retire(token);
        }

        return state.Identity.Issue(mailbox, clientId, scopes, nonce: null, authorityHost, grant.GrantIssuedAt);
    }

    private static bool VerifierMatches(string? verifier, AuthorizationCode code)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }

        var expected = code.CodeChallengeMethod == "S256"
            ? System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return string.Equals(expected, code.CodeChallenge, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
