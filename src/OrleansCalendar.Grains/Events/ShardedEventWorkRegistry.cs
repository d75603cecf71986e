using OrleansCalendar.Abstractions.WakeUp;
using OrleansCalendar.Grains.WakeUp;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// The sub-accounts with webhook endpoints as a kind of the sharded wake-up directory (<see cref="WakeUpShards"/>):
/// no grain holds them all. Kept in both storage modes, since a start wakes every publisher whatever keeps reminders.
/// </summary>
public sealed class ShardedEventWorkRegistry(IGrainFactory grains) : IEventWorkRegistry
{
    /// <summary>The directory kind of event publishers, keyed by sub-account id.</summary>
    public const string Kind = "event-publisher";

    public Task AddAsync(string subAccountId) => Shard(subAccountId).AddAsync(subAccountId);

    public Task RemoveAsync(string subAccountId) => Shard(subAccountId).RemoveAsync(subAccountId);

    public Task<IReadOnlyList<string>> ListAsync() => WakeUpDirectory.ListAsync(grains, Kind);

    private IWakeUpDirectoryGrain Shard(string subAccountId) => grains.GetGrain<IWakeUpDirectoryGrain>(WakeUpShards.For(Kind, subAccountId));
}
