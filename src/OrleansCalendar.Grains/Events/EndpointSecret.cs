using System.Security.Cryptography;

namespace OrleansCalendar.Grains.Events;

/// <summary>Standard Webhooks signing secrets: <c>whsec_</c> and the base64 of 24 random bytes.</summary>
public static class EndpointSecret
{
    public const string Prefix = "whsec_";
    private const int KeyBytes = 24;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
}
