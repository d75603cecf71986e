using System.Security.Cryptography;

namespace OrleansCalendar.Abstractions;

/// <summary>
/// Server-generated opaque ids: a short type prefix and 20 base32 characters (100 random bits).
/// Ids from URLs are checked against this shape before they reach a grain.
/// </summary>
public static class Ids
{
    public const string SubAccountPrefix = "sa";
    public const string UserPrefix = "usr";
    public const string CalendarPrefix = "cal";
    public const string AppointmentPrefix = "apt";
    private const int RandomLength = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(string prefix)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++)
        {
            chars[i] = Alphabet[random[i] & 31];
        }

        return $"{prefix}_{chars}";
    }

    /// <summary>The id <paramref name="seed"/> always maps to (SHA-256, same shape as <see cref="New(string)"/>): ids the client can make again.</summary>
    public static string FromSeed(string prefix, string seed)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed), hash);
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++)
        {
            chars[i] = Alphabet[hash[i] & 31];
        }

        return $"{prefix}_{chars}";
    }

    /// <summary>
    /// An id of the usual shape whose first <paramref name="digits"/> characters spell <paramref name="value"/> in base
    /// 32 and whose other characters are random: an id that says where its record is kept.
    /// </summary>
    public static string New(string prefix, long value, int digits)
    {
        var id = New(prefix).ToCharArray();
        for (var i = digits - 1; i >= 0; i--)
        {
            id[prefix.Length + 1 + i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(id);
    }

    /// <summary>The value an id made by <see cref="New(string, long, int)"/> spells, or null for an id not of this shape.</summary>
    public static long? LeadingValue(string value, string prefix, int digits)
    {
        if (!IsWellFormed(value, prefix))
        {
            return null;
        }

        long leading = 0;
        foreach (var c in value.AsSpan(prefix.Length + 1, digits))
        {
            leading = (leading << 5) | (long)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return leading;
    }

    public static bool IsWellFormed(string? value, string prefix)
    {
        if (value is null || value.Length != prefix.Length + 1 + RandomLength
            || !value.StartsWith(prefix, StringComparison.Ordinal) || value[prefix.Length] != '_')
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length + 1))
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
