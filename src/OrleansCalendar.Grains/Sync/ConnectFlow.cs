using System.Security.Cryptography;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The OAuth code flow with PKCE as the integration runs it: a sign-in link with a random single-use state (the
/// verifier kept encrypted with it), and the redemption of the code Microsoft sends back.
/// </summary>
internal sealed class ConnectFlow(IOutlookIdentity identity, ISecretProtector secrets, TimeProvider clock, OutlookOptions options)
{
    /// <summary>A new sign-in: the state value (the key of its pending authorization), that authorization, and the URL.</summary>
    public (string State, PendingAuthorization Pending, Uri Url) Begin(
        string subAccountId, string userId, OutlookAccessLevel access, Uri redirectUri, Uri? returnUrl, string? loginHint)
    {
        var (verifier, challenge) = Pkce.Create();
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var expiresAt = clock.GetUtcNow() + options.AuthorizationLifetime;
        var pending = new PendingAuthorization(subAccountId, userId, access, redirectUri, returnUrl, secrets.Protect(verifier), expiresAt);
        var scopes = access == OutlookAccessLevel.ReadWrite ? OutlookAccess.ReadWrite : OutlookAccess.Read;
        return (state, pending, identity.AuthorizationUrl(new AuthorizationRequest(state, challenge, redirectUri, scopes, loginHint)));
    }

    /// <summary>Redeems the code; Microsoft not answering is 503 <c>outlook-unavailable</c>, refusing it 400 <c>outlook-rejected</c>.</summary>
    public async Task<TokenGrant> RedeemAsync(string code, PendingAuthorization authorization, CancellationToken cancellationToken)
    {
        try
        {
            return await identity.RedeemCodeAsync(code, secrets.Unprotect(authorization.ProtectedCodeVerifier), authorization.RedirectUri, cancellationToken);
        }
        catch (OutlookAuthException e)
        {
            throw e.Failure == OutlookAuthFailure.Unavailable
                ? new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable, "Microsoft did not answer; try connecting again.")
                : CalendarException.Invalid(ErrorCodes.OutlookRejected, "Microsoft refused the authorization: " + e.Message);
        }
    }

    /// <summary>A Graph call made for an API request: a Graph failure is 503 <c>outlook-unavailable</c>.</summary>
    public static async Task<T> ForRequestAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (OutlookGraphException e)
        {
            var status = e.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";
            throw new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable,
                $"Outlook did not answer ({status}{(e.ErrorCode is null ? "" : " " + e.ErrorCode)}); try again later.");
        }
    }
}
