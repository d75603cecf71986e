using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Connections;

public sealed class OutlookAccountRegistryGrain(
    [PersistentState("outlook-account", StorageNames.Default)] IPersistentState<AccountRegistryState> state) : Grain, IOutlookAccountRegistryGrain
{
    public async Task<bool> TryClaimAsync(string integrationKey)
    {
        if (state.State.IntegrationKey is { } holder)
        {
            return holder == integrationKey;
        }

        state.State.IntegrationKey = integrationKey;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string integrationKey)
    {
        if (state.State.IntegrationKey == integrationKey)
        {
            state.State.IntegrationKey = null;
            await state.WriteStateAsync();
        }
    }
}
