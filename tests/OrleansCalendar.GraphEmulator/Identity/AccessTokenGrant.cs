namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>An access token for Graph: whose mailbox, which app, which permissions, until when.</summary>
internal sealed record AccessTokenGrant(
    string Token, string MailboxId, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
