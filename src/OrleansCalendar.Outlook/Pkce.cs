using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.Outlook;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256.</summary>
public static class Pkce
{
    /// <summary>A random 43-character verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Create()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Challenge(verifier));
    }

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
