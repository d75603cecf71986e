using System.Security.Cryptography;
using Orleans.Runtime;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Webhooks;

public sealed class OutlookSubscriptionGrain(
    [PersistentState("outlook-subscription", StorageNames.Default)] IPersistentState<OutlookSubscriptionState> state) : Grain, IOutlookSubscriptionGrain
{
    public async Task RegisterAsync(SubscriptionTarget target)
    {
        state.State = new OutlookSubscriptionState { Target = target };
        await state.WriteOrReloadAsync(this);
    }

    public async Task RemoveAsync()
    {
        if (state.State.Target is not null)
        {
            (await state.TryClearAsync(this)).ThrowIfNotStored();
            state.State = new OutlookSubscriptionState();
        }

        DeactivateOnIdle();
    }

    public Task<NotificationOutcome> NotifyAsync(string? clientState, int notifications)
    {
        var outcome = Check(clientState);
        if (outcome == NotificationOutcome.Accepted)
        {
            var target = state.State.Target!;
            _ = Integration(target).NotifyChangedAsync(target.CalendarId, this.GetPrimaryKeyString());
        }

        return Task.FromResult(outcome);
    }

    public Task<NotificationOutcome> LifecycleAsync(string? clientState, string lifecycleEvent)
    {
        var outcome = Check(clientState);
        if (outcome == NotificationOutcome.Accepted)
        {
            var target = state.State.Target!;
            _ = Integration(target).HandleLifecycleAsync(target.CalendarId, this.GetPrimaryKeyString(), lifecycleEvent);
        }

        return Task.FromResult(outcome);
    }

    private NotificationOutcome Check(string? clientState)
    {
        if (state.State.Target is not { } target)
        {
            return NotificationOutcome.UnknownSubscription;
        }

        // Hashing first gives equal lengths; the comparison then takes the same time whatever matches.
        var given = ClientStateHash.Of(clientState ?? "");
        return CryptographicOperations.FixedTimeEquals(given, target.ClientStateHash) && clientState is not null
            ? NotificationOutcome.Accepted
            : NotificationOutcome.WrongClientState;
    }

    private IOutlookIntegrationGrain Integration(SubscriptionTarget target) => GrainFactory.GetGrain<IOutlookIntegrationGrain>(target.IntegrationKey);
}

[GenerateSerializer]
public sealed class OutlookSubscriptionState
{
    [Id(0)]
    public SubscriptionTarget? Target { get; set; }
}
