namespace OrleansCalendar.Outlook;

/// <summary>
/// Tokens from the token endpoint. <see cref="Scopes"/> is what was actually granted, which may be less than
/// what was asked for: access is derived from it.
/// </summary>
public sealed record TokenGrant(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes)
{
    public OutlookAccess GrantedAccess => Scopes.Any(s => s.EndsWith("Calendars.ReadWrite", StringComparison.OrdinalIgnoreCase))
        ? OutlookAccess.ReadWrite
        : OutlookAccess.Read;

    /// <summary>Never print tokens.</summary>
    public override string ToString() => $"TokenGrant {{ ExpiresAt = {ExpiresAt:O}, Scopes = {string.Join(' ', Scopes)} }}";
}
