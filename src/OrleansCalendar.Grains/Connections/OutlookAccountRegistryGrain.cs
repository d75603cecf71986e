using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Upgrades;

namespace OrleansCalendar.Grains.Connections;

public sealed class OutlookAccountRegistryGrain(
    [PersistentState("outlook-account", StorageNames.Default)] IPersistentState<AccountRegistryState> state) : Grain, IOutlookAccountRegistryGrain
{
    public async Task<bool> TryClaimAsync(string integrationKey)
    {
        if (state.State.IntegrationKey is { } holder && holder != integrationKey)
        {
            // A claim is only as good as the holder's own record: a connect that failed after claiming, or a
            // disconnect that failed before releasing, leaves a claim nobody holds. The holder answers from what it
            // stored (and from a connect of this account it has in flight), so such a claim passes on, a live one not.
            // A holder on a silo of the previous release (a rolling upgrade) cannot say; its claim stands, as it did then.
            var holding = GrainFactory.GetGrain<IOutlookIntegrationGrain>(holder);
            if (await PreviousRelease.CallAsync(() => holding.HoldsAccountAsync(this.GetPrimaryKeyString()), () => Task.FromResult(true)))
            {
                return false;
            }
        }
        else if (state.State.IntegrationKey == integrationKey)
        {
            return true;
        }

        state.State.IntegrationKey = integrationKey;
        await state.WriteOrReloadAsync(this);
        return true;
    }

    public async Task ReleaseAsync(string integrationKey)
    {
        if (state.State.IntegrationKey == integrationKey)
        {
            state.State.IntegrationKey = null;
            await state.WriteOrReloadAsync(this);
        }
    }
}
