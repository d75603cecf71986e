using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The integration's OAuth tokens: a valid access token for every request, refreshed <see cref="RefreshAhead"/>
/// before it expires, the rotated refresh token kept, and a dead grant turned into "needs reconnect". Tokens live
/// only encrypted in the state. Grain calls run one at a time, so there is never more than one refresh in flight.
/// </summary>
internal sealed class TokenSession(IOutlookIdentity identity, ISecretProtector secrets, TimeProvider clock, ILogger logger)
{
    /// <summary>Refresh this long before expiry, so a request never carries a token about to die.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private bool _changed;

    /// <summary>Whether the state changed here (tokens stored, a reconnect marked) since the last call: the caller stores it.</summary>
    public bool TakeChanged()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    public async Task<string> AccessTokenAsync(OutlookIntegrationState state, CancellationToken cancellationToken)
    {
        string refreshToken;
        try
        {
            if (state.AccessTokenExpiresAt > clock.GetUtcNow() + RefreshAhead)
            {
                return secrets.Unprotect(state.ProtectedAccessToken);
            }

            refreshToken = secrets.Unprotect(state.ProtectedRefreshToken);
        }
        catch (CryptographicException)
        {
            // The key ring that encrypted them is gone (a lost data directory or table): only a reconnect helps.
            throw NeedsReconnect(state, "The stored Outlook tokens cannot be decrypted with the current key ring.");
        }

        TokenGrant grant;
        try
        {
            grant = await identity.RefreshAsync(refreshToken, cancellationToken);
        }
        catch (OutlookAuthException e) when (e.Failure == OutlookAuthFailure.ReconnectRequired)
        {
            throw NeedsReconnect(state, e.Message);
        }
        catch (OutlookAuthException e)
        {
            state.LastError = "Refreshing the Outlook token failed: " + e.Message;
            _changed = true;
            throw new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable, state.LastError);
        }

        Store(state, grant);
        return grant.AccessToken;
    }

    /// <summary>Keeps a grant's tokens, encrypted; the refresh token only when the grant rotated it.</summary>
    public void Store(OutlookIntegrationState state, TokenGrant grant)
    {
        state.ProtectedAccessToken = secrets.Protect(grant.AccessToken);
        if (!string.IsNullOrEmpty(grant.RefreshToken))
        {
            state.ProtectedRefreshToken = secrets.Protect(grant.RefreshToken);
        }

        state.AccessTokenExpiresAt = grant.ExpiresAt;
        _changed = true;
    }

    /// <summary>The next request refreshes first (a 401, or Graph asking for reauthorization).</summary>
    public void Expire(OutlookIntegrationState state) => state.AccessTokenExpiresAt = clock.GetUtcNow();

    /// <summary>Marks the connection as needing a reconnect and returns the error to throw.</summary>
    public CalendarException NeedsReconnect(OutlookIntegrationState state, string reason)
    {
        state.Status = ConnectionStatus.NeedsReconnect;
        state.LastError = reason;
        state.ProtectedAccessToken = "";
        state.AccessTokenExpiresAt = default;
        _changed = true;
        logger.LogWarning("An Outlook connection needs a reconnect: {Reason}", reason);
        return NeedsReconnectError(state);
    }

    public static CalendarException NeedsReconnectError(OutlookIntegrationState state) =>
        CalendarException.Conflict(ErrorCodes.NeedsReconnect, "The Outlook connection needs a reconnect: " + state.LastError);
}
