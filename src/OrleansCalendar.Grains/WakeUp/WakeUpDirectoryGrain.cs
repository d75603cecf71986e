using Orleans.Runtime;
using OrleansCalendar.Abstractions.WakeUp;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.WakeUp;

public sealed class WakeUpDirectoryGrain(
    [PersistentState("wake-up-directory", StorageNames.Default)] IPersistentState<WakeUpDirectoryState> state) : Grain, IWakeUpDirectoryGrain
{
    public async Task AddAsync(string key)
    {
        if (state.State.Keys.Add(key))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task AddManyAsync(IReadOnlyList<string> keys)
    {
        var added = false;
        foreach (var key in keys)
        {
            added |= state.State.Keys.Add(key);
        }

        if (added)
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task RemoveAsync(string key)
    {
        if (state.State.Keys.Remove(key))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Keys.Order(StringComparer.Ordinal).ToList());
}
