using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The key an imported event is held under: the first 16 bytes of the SHA-256 of its Outlook id. Outlook ids are
/// strings of about 150 characters and an integration holds hundreds of events in memory; the key sits inline in
/// the dictionary instead (two ids colliding among four billion: about one chance in 10^19).
/// </summary>
public static class EventKey
{
    public static Guid Of(string outlookId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(outlookId), hash);
        return new Guid(hash[..16]);
    }
}
