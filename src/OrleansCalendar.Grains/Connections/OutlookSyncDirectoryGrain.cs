using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.WakeUp;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Connections;

/// <summary>The directory of earlier versions, kept so that what it stored can be read and handed over.</summary>
public sealed class OutlookSyncDirectoryGrain(
    [PersistentState("outlook-sync-directory", StorageNames.Default)] IPersistentState<OutlookSyncDirectoryState> state) : Grain, IOutlookSyncDirectoryGrain
{
    public async Task AddAsync(string integrationKey)
    {
        if (state.State.Integrations.Add(integrationKey))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task RemoveAsync(string integrationKey)
    {
        if (state.State.Integrations.Remove(integrationKey))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Integrations.Order(StringComparer.Ordinal).ToList());

    public async Task<int> HandOverAsync(string kind)
    {
        var keys = state.State.Integrations.ToList();
        if (keys.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(keys.GroupBy(key => WakeUpShards.For(kind, key))
            .Select(shard => GrainFactory.GetGrain<IWakeUpDirectoryGrain>(shard.Key).AddManyAsync([.. shard])));
        (await state.TryClearAsync(this)).ThrowIfNotStored();
        state.State = new OutlookSyncDirectoryState();
        DeactivateOnIdle();
        return keys.Count;
    }
}
