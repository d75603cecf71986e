namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>An issued authorization code and what it was issued for.</summary>
internal sealed record AuthorizationCode(
    string Code,
    string ClientId,
    string RedirectUri,
    string MailboxId,
    IReadOnlyList<string> Scopes,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? Nonce,
    DateTimeOffset ExpiresAt,
    bool Redeemed = false);
