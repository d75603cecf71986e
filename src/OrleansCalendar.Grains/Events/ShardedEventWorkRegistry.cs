using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>Sub-accounts spread over a fixed number of shard grains by a stable hash of their id: no grain holds them all.</summary>
public sealed class ShardedEventWorkRegistry(IGrainFactory grains) : IEventWorkRegistry
{
    /// <summary>Never change: an entry is found again only in the shard it was put in.</summary>
    public const int Shards = 16;

    public Task AddAsync(string subAccountId) => Shard(subAccountId).AddAsync(subAccountId);

    public Task RemoveAsync(string subAccountId) => Shard(subAccountId).RemoveAsync(subAccountId);

    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards).Select(i => grains.GetGrain<IEventWorkShardGrain>(ShardKey(i)).ListAsync()));
        return shards.SelectMany(s => s).ToList();
    }

    private IEventWorkShardGrain Shard(string subAccountId) =>
        grains.GetGrain<IEventWorkShardGrain>(ShardKey((int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(subAccountId))) % Shards)));

    private static string ShardKey(int shard) => shard.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
