using Orleans.Runtime;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

public sealed class DeliveryLogGrain(
    [PersistentState("delivery-log", StorageNames.Events)] IPersistentState<DeliveryLogState> state) : Grain, IDeliveryLogGrain
{
    public async Task AddAsync(IReadOnlyList<WebhookDelivery> deliveries)
    {
        var ids = deliveries.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        state.State.Deliveries.RemoveAll(d => ids.Contains(d.Id));
        state.State.Deliveries.AddRange(deliveries);
        await state.WriteOrReloadAsync(this);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListAsync(DeliveryStatus? status, string? beforeSortKey, int limit) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(state.State.Deliveries
            .Where(d => (status is null || d.Status == status) && (beforeSortKey is null || string.CompareOrdinal(d.SortKey, beforeSortKey) < 0))
            .OrderByDescending(d => d.SortKey, StringComparer.Ordinal)
            .Take(limit)
            .Select(d => d.WithoutPayload())
            .ToList());

    public Task<WebhookDelivery?> GetAsync(string deliveryId) =>
        Task.FromResult(state.State.Deliveries.Find(d => d.Id == deliveryId));

    public async Task ClearAsync()
    {
        await state.ClearStateAsync();
        state.State = new DeliveryLogState();
        DeactivateOnIdle();
    }
}
