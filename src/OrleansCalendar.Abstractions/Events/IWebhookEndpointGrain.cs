namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// Delivery to one endpoint, keyed <c>{subAccountId}/{endpointId}</c>: a durable queue of pending deliveries sent with
/// bounded concurrency, in order per ordering key, retried on the configured schedule; finished deliveries go to the
/// endpoint's delivery log, kept by day for the configured retention.
/// </summary>
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Queues one delivery per event (an event already queued is not queued twice); durable on return.</summary>
    Task EnqueueAsync(IReadOnlyList<CalendarEvent> events);

    /// <summary>Deliveries newest first, after the <paramref name="afterSortKey"/> of a previous page.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(DeliveryStatus? status, string? afterSortKey, int limit);

    /// <summary>
    /// Sends a delivery again now: a pending one at once, a failed one once more. <c>delivery-not-found</c>, or
    /// <c>delivery-not-retryable</c> for one that succeeded.
    /// </summary>
    Task RetryAsync(string deliveryId);

    /// <summary>The endpoint's URL, secret or status changed: read them again (a disabled endpoint fails what is pending).</summary>
    Task TargetChangedAsync();

    /// <summary>Forgets the pending deliveries and the delivery log (the endpoint was deleted).</summary>
    Task DeleteAsync();

    /// <summary>Activates the grain so pending deliveries resume (after a restart).</summary>
    Task WakeAsync();
}
