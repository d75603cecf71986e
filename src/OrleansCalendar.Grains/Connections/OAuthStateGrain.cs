using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Connections;

/// <summary>Stored (not just in memory) so the callback may land on another silo, or after a restart.</summary>
public sealed class OAuthStateGrain(
    [PersistentState("oauth-state", StorageNames.Default)] IPersistentState<OAuthStateState> state,
    TimeProvider clock) : Grain, IOAuthStateGrain
{
    public async Task StoreAsync(PendingAuthorization authorization)
    {
        state.State.Authorization = authorization;
        await state.WriteStateAsync();
    }

    public async Task<PendingAuthorization?> TakeAsync()
    {
        var authorization = state.State.Authorization;
        if (authorization is null)
        {
            return null;
        }

        // Single use: forget it before answering, whatever the answer.
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return authorization.ExpiresAt > clock.GetUtcNow() ? authorization : null;
    }
}
