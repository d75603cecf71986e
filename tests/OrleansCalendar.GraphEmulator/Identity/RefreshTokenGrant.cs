namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>A refresh token. <see cref="GrantIssuedAt"/> is when the user consented (kept across rotation).</summary>
internal sealed record RefreshTokenGrant(
    string Token,
    string MailboxId,
    string ClientId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset GrantIssuedAt,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Retired = false);
