using OrleansCalendar.Abstractions;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.Server.Auth;

/// <summary>
/// Sub-account keys look like <c>sk-{subAccountId}.{secret}</c>. Carrying the sub-account id lets the server
/// find the one grain that can verify the key without a global key index; only a SHA-256 hash is stored.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "sk-";

    public static string Generate(string subAccountId) =>
        $"{Prefix}{subAccountId}.{Base64Url.Encode(RandomNumberGenerator.GetBytes(32))}";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool TryGetSubAccountId(string key, [NotNullWhen(true)] out string? subAccountId)
    {
        subAccountId = null;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = key.IndexOf('.', Prefix.Length);
        if (dot <= Prefix.Length || dot == key.Length - 1)
        {
            return false;
        }

        var candidate = key[Prefix.Length..dot];
        if (!Ids.IsWellFormed(candidate, Ids.SubAccountPrefix))
        {
            return false;
        }

        subAccountId = candidate;
        return true;
    }
}
