namespace OrleansCalendar.Outlook;

/// <summary>The Microsoft identity platform v2: authorization code flow with PKCE, and refresh.</summary>
public interface IOutlookIdentity
{
    /// <summary><c>{AuthorityHost}/{Tenant}/oauth2/v2.0/authorize?...</c> for the request.</summary>
    Uri AuthorizationUrl(AuthorizationRequest request);

    /// <summary>Redeems an authorization code; throws <see cref="OutlookAuthException"/> when refused.</summary>
    Task<TokenGrant> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>Refreshes; the new refresh token replaces the old one. Throws <see cref="OutlookAuthException"/>.</summary>
    Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken);
}
