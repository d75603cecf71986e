using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.Abstractions.WakeUp;

/// <summary>Which shard of the wake-up directory holds a key: a stable hash of the key (the same on every silo and version).</summary>
public static class WakeUpShards
{
    /// <summary>Shards per kind. Changing it moves keys between shards: existing directories would need a move.</summary>
    public const int Count = 64;

    /// <summary>The directory grain key of the shard that holds <paramref name="key"/>.</summary>
    public static string For(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Shard(kind, (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash) % Count));
    }

    /// <summary>The directory grain keys of every shard of a kind.</summary>
    public static IEnumerable<string> All(string kind) => Enumerable.Range(0, Count).Select(shard => Shard(kind, shard));

    private static string Shard(string kind, int shard) => $"{kind}/{shard:D2}";
}
