namespace OrleansCalendar.Outlook;

/// <summary>What the authorization URL carries: PKCE challenge (S256), state and the scopes for <see cref="Access"/>.</summary>
public sealed record AuthorizationRequest(string State, string CodeChallenge, Uri RedirectUri, OutlookAccess Access, string? LoginHint);
