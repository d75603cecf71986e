using System.Collections.Concurrent;
using OrleansCalendar.Abstractions.WakeUp;

namespace OrleansCalendar.Grains.WakeUp;

/// <summary>Reads the wake-up directory of one kind: every shard, a bounded number side by side.</summary>
public static class WakeUpDirectory
{
    private const int ShardsAtOnce = 8;

    public static async Task<IReadOnlyList<string>> ListAsync(IGrainFactory grains, string kind, CancellationToken cancellationToken = default)
    {
        var keys = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(WakeUpShards.All(kind), new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce, CancellationToken = cancellationToken },
            async (shard, _) =>
            {
                foreach (var key in await grains.GetGrain<IWakeUpDirectoryGrain>(shard).ListAsync())
                {
                    keys.Add(key);
                }
            });
        return [.. keys];
    }
}
