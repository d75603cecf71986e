using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.Grains.Webhooks;

/// <summary>What the subscription index keeps of a clientState: its SHA-256. The secret itself is never stored.</summary>
public static class ClientStateHash
{
    public static byte[] Of(string clientState) => SHA256.HashData(Encoding.UTF8.GetBytes(clientState));
}
