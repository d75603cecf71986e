using Orleans.Runtime;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

public sealed class EventWorkShardGrain(
    [PersistentState("event-work-shard", StorageNames.Default)] IPersistentState<EventWorkShardState> state) : Grain, IEventWorkShardGrain
{
    public async Task AddAsync(string subAccountId)
    {
        if (state.State.SubAccountIds.Add(subAccountId))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task RemoveAsync(string subAccountId)
    {
        if (state.State.SubAccountIds.Remove(subAccountId))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.SubAccountIds.Order(StringComparer.Ordinal).ToList());
}
