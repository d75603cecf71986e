using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Connections;

public sealed class OutlookSyncDirectoryGrain(
    [PersistentState("outlook-sync-directory", StorageNames.Default)] IPersistentState<OutlookSyncDirectoryState> state) : Grain, IOutlookSyncDirectoryGrain
{
    public async Task AddAsync(string integrationKey)
    {
        if (state.State.Integrations.Add(integrationKey))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string integrationKey)
    {
        if (state.State.Integrations.Remove(integrationKey))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Integrations.Order(StringComparer.Ordinal).ToList());
}

[GenerateSerializer]
public sealed class OutlookSyncDirectoryState
{
    [Id(0)]
    public HashSet<string> Integrations { get; set; } = new(StringComparer.Ordinal);
}
