namespace OrleansCalendar.Grains.Security;

/// <summary>
/// Encrypts secrets (OAuth tokens, PKCE verifiers) before they enter grain state. The host implements it
/// with a key ring every silo shares, so any silo can decrypt what another stored.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
