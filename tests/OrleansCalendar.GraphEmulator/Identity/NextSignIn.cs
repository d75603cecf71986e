namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>
/// How the next visit to the authorize endpoint plays out, as if a person were at the sign-in page.
/// </summary>
/// <param name="Mailbox">Mailbox (id or address) that signs in; null uses <c>login_hint</c> or the first mailbox.</param>
/// <param name="Deny">The user declines consent: the redirect carries <c>error=access_denied</c>.</param>
/// <param name="GrantedScopes">Scopes the user grants instead of the requested ones (for example only <c>Calendars.Read</c>).</param>
public sealed record NextSignIn(string? Mailbox = null, bool Deny = false, IReadOnlyList<string>? GrantedScopes = null);
