using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Users;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>Authorization codes, refresh and access tokens, and the scripted outcome of the next sign-in.</summary>
internal sealed class IdentityStore(GraphEmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshTokenGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessTokenGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tokensValidFrom = new(StringComparer.Ordinal);
    private NextSignIn? _nextSignIn;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public void SetNextSignIn(NextSignIn? next)
    {
        lock (_gate)
        {
            _nextSignIn = next;
        }
    }

    public NextSignIn? TakeNextSignIn()
    {
        lock (_gate)
        {
            var next = _nextSignIn;
            _nextSignIn = null;
            return next;
        }
    }

    public AuthorizationCode IssueCode(
        string clientId, string redirectUri, string mailboxId, IReadOnlyList<string> scopes,
        string? codeChallenge, string? codeChallengeMethod, string? nonce)
    {
        var code = new AuthorizationCode(
            "1.AUEB" + GraphIds.NewOpaqueToken() + GraphIds.NewOpaqueToken(),
            clientId, redirectUri, mailboxId, scopes, codeChallenge, codeChallengeMethod, nonce,
            Now + options.AuthorizationCodeLifetime);
        lock (_gate)
        {
            _codes[code.Code] = code;
        }

        return code;
    }

    public AuthorizationCode? FindCode(string code)
    {
        lock (_gate)
        {
            return _codes.GetValueOrDefault(code);
        }
    }

    /// <summary>Marks a code used; false when it already was (two racing redemptions: one wins).</summary>
    public bool TryRedeem(string code)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var found) || found.Redeemed)
            {
                return false;
            }

            _codes[code] = found with { Redeemed = true };
            return true;
        }
    }

    public TokenSet Issue(
        MailboxData mailbox, string clientId, IReadOnlyList<string> scopes, string? nonce, string authorityHost,
        DateTimeOffset? grantIssuedAt = null)
    {
        var now = Now;
        var expiresAt = now + options.AccessTokenLifetime;
        var graphScopes = scopes.Where(s => !Scopes.IsOpenId(s)).ToList();
        var accessToken = JwtShape.Create(
            new JsonObject
            {
                ["aud"] = "00000003-0000-0000-c000-000000000000",
                ["iss"] = $"https://sts.windows.net/{options.TenantId}/",
                ["iat"] = JwtShape.Epoch(now),
                ["nbf"] = JwtShape.Epoch(now),
                ["exp"] = JwtShape.Epoch(expiresAt),
                ["appid"] = clientId,
                ["name"] = mailbox.DisplayName,
                ["oid"] = mailbox.Id,
                ["scp"] = string.Join(' ', graphScopes),
                ["tid"] = options.TenantId,
                ["upn"] = mailbox.Email,
                ["uti"] = GraphIds.NewOpaqueToken(),
                ["ver"] = "1.0",
            },
            signed: true);

        string? refreshToken = null;
        string? idToken = null;
        lock (_gate)
        {
            _accessTokens[accessToken] = new AccessTokenGrant(accessToken, mailbox.Id, clientId, scopes, expiresAt);
            if (Scopes.Has(scopes, "offline_access"))
            {
                refreshToken = "1.AUEB" + GraphIds.NewOpaqueToken() + GraphIds.NewOpaqueToken() + GraphIds.NewOpaqueToken();
                _refreshTokens[refreshToken] = new RefreshTokenGrant(
                    refreshToken, mailbox.Id, clientId, scopes, grantIssuedAt ?? now, now,
                    now + options.RefreshTokenInactivityLifetime);
            }
        }

        if (Scopes.Has(scopes, "openid"))
        {
            idToken = IdToken(mailbox, clientId, nonce, authorityHost, now, scopes);
        }

        return new TokenSet(accessToken, refreshToken, idToken, Scopes.Format(scopes), (int)options.AccessTokenLifetime.TotalSeconds);
    }

    /// <summary>Every access and refresh token ever issued for the mailbox (tests check none is stored in plain text).</summary>
    public IReadOnlyList<string> TokensOf(string mailboxId)
    {
        lock (_gate)
        {
            return _accessTokens.Values.Where(t => t.MailboxId == mailboxId).Select(t => t.Token)
                .Concat(_refreshTokens.Values.Where(t => t.MailboxId == mailboxId).Select(t => t.Token))
                .ToList();
        }
    }

    public RefreshTokenGrant? FindRefreshToken(string token)
    {
        lock (_gate)
        {
            return _refreshTokens.GetValueOrDefault(token);
        }
    }

    /// <summary>When refresh tokens of a mailbox were last revoked (tokens granted before are dead).</summary>
    public DateTimeOffset? TokensValidFrom(string mailboxId)
    {
        lock (_gate)
        {
            return _tokensValidFrom.TryGetValue(mailboxId, out var from) ? from : null;
        }
    }

    public void Retire(string token)
    {
        lock (_gate)
        {
            if (_refreshTokens.TryGetValue(token, out var grant))
            {
                _refreshTokens[token] = grant with { Retired = true };
            }
        }
    }

    public AccessTokenGrant? FindAccessToken(string token)
    {
        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(token);
        }
    }

    /// <summary>Revokes every refresh token of a mailbox, as a password reset or admin revocation does.</summary>
    public int RevokeRefreshTokens(string mailboxId)
    {
        lock (_gate)
        {
            // Strictly after every grant so far, so a sign-in right after the revocation is valid.
            var latestGrant = _refreshTokens.Values.Where(g => g.MailboxId == mailboxId)
                .Select(g => g.GrantIssuedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var validFrom = Now > latestGrant ? Now : latestGrant.AddTicks(1);
            _tokensValidFrom[mailboxId] = validFrom;
            return _refreshTokens.Values.Count(g => g.MailboxId == mailboxId);
        }
    }

    /// <summary>Ages every refresh token of a mailbox past its inactivity lifetime (AADSTS70008).</summary>
    public int ExpireRefreshTokens(string mailboxId) =>
        Expire(_refreshTokens, mailboxId, g => g.MailboxId, g => g with { ExpiresAt = Now.AddSeconds(-1) });

    public int ExpireAccessTokens(string mailboxId) =>
        Expire(_accessTokens, mailboxId, g => g.MailboxId, g => g with { ExpiresAt = Now.AddSeconds(-1) });

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _refreshTokens.Clear();
            _accessTokens.Clear();
            _tokensValidFrom.Clear();
            _nextSignIn = null;
        }
    }

    private int Expire<T>(Dictionary<string, T> tokens, string mailboxId, Func<T, string> owner, Func<T, T> expire)
    {
        lock (_gate)
        {
            var keys = tokens.Where(t => owner(t.Value) == mailboxId).Select(t => t.Key).ToList();
            foreach (var key in keys)
            {
                tokens[key] = expire(tokens[key]);
            }

            return keys.Count;
        }
    }

    private string IdToken(
        MailboxData mailbox, string clientId, string? nonce, string authorityHost, DateTimeOffset now, IReadOnlyList<string> scopes)
    {
        var payload = new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = $"{authorityHost}/{options.TenantId}/v2.0",
            ["iat"] = JwtShape.Epoch(now),
            ["nbf"] = JwtShape.Epoch(now),
            ["exp"] = JwtShape.Epoch(now + options.AccessTokenLifetime),
            ["name"] = mailbox.DisplayName,
            ["oid"] = mailbox.Id,
            ["preferred_username"] = mailbox.Email,
            ["sub"] = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mailbox.Id + clientId)))[..43],
            ["tid"] = options.TenantId,
            ["ver"] = "2.0",
        };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        if (Scopes.Has(scopes, "email"))
        {
            payload["email"] = mailbox.Email;
        }

        return JwtShape.Create(payload, signed: false);
    }
}
