namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// A page of the finished deliveries of one endpoint created on one day, keyed
/// <c>{subAccountId}/{endpointId}/{yyyyMMdd}/{page}</c>, at most a fixed number of deliveries each (the page is part of
/// a delivery's id). Days older than the retention are cleared by the endpoint's grain, so the log never outgrows it.
/// </summary>
public interface IDeliveryLogGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces (by id) finished deliveries.</summary>
    Task AddAsync(IReadOnlyList<WebhookDelivery> deliveries);

    /// <summary>Up to <paramref name="limit"/> deliveries newest first, before <paramref name="beforeSortKey"/>, without payloads.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(DeliveryStatus? status, string? beforeSortKey, int limit);

    /// <summary>The delivery with its payload, or null.</summary>
    Task<WebhookDelivery?> GetAsync(string deliveryId);

    /// <summary>Forgets the bucket.</summary>
    Task ClearAsync();
}
