using System.Collections.Concurrent;
using OrleansCalendar.Abstractions.WakeUp;

namespace OrleansCalendar.Server.WakeUp;

/// <summary>
/// The embedded mode: reminders live in memory, so grains keep their keys in the sharded wake-up directory. The
/// shards are read side by side, a bounded number at a time.
/// </summary>
public sealed class DirectoryWakeUpSource(IGrainFactory grains) : IWakeUpSource
{
    private const int ShardsAtOnce = 8;

    public bool WakesAtStart => true;

    public async Task<IReadOnlyList<string>> ListAsync(WakeUpTarget target, CancellationToken cancellationToken)
    {
        if (target.HandOver is { } handOver)
        {
            await handOver(grains);
        }

        var keys = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(WakeUpShards.All(target.Kind), new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce, CancellationToken = cancellationToken },
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
