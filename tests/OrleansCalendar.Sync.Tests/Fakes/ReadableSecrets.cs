using System.Security.Cryptography;
using OrleansCalendar.Grains.Security;

namespace OrleansCalendar.Sync.Tests.Fakes;

/// <summary>A reversible stand-in for the key ring; a value it did not protect cannot be read, as with a lost key ring.</summary>
public sealed class ReadableSecrets : ISecretProtector
{
    public string Protect(string secret) => "protected:" + secret;

    public string Unprotect(string protectedSecret) =>
        protectedSecret.StartsWith("protected:", StringComparison.Ordinal) ? protectedSecret["protected:".Length..] : throw new CryptographicException("Not protected by this key ring.");
}
