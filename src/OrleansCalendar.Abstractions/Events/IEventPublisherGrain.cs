using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// The events of one sub-account (key: the sub-account id): its webhook endpoints, and the outbox between producers
/// and the endpoints' delivery grains. A producer prepares its events before it stores its change
/// (<see cref="PrepareAsync"/>), then commits or aborts them; events neither committed nor aborted are verified with
/// the producer after a while, so neither a crash of the producer nor of this grain loses or invents an event.
/// </summary>
public interface IEventPublisherGrain : IGrainWithStringKey
{
    /// <summary>
    /// Durably records <paramref name="events"/> as tentative and returns whether it did: false, at once and without a
    /// write, when no enabled endpoint subscribes to any of their types (then there is nothing to commit). Concurrent
    /// prepares share one storage write.
    /// </summary>
    Task<bool> PrepareAsync(IReadOnlyList<CalendarEvent> events);

    /// <summary>The producer stored its change: deliver these events.</summary>
    [OneWay]
    Task CommitAsync(IReadOnlyList<string> eventIds);

    /// <summary>The producer's write certainly failed: drop these events.</summary>
    [OneWay]
    Task AbortAsync(IReadOnlyList<string> eventIds);

    /// <summary>Adds an endpoint with a new signing secret (returned this once); <c>endpoint-limit-reached</c> past the cap.</summary>
    Task<CreatedWebhookEndpoint> CreateEndpointAsync(WebhookEndpointDefinition definition);

    /// <summary>Endpoints in creation order, starting after <paramref name="afterEndpointId"/>.</summary>
    Task<IReadOnlyList<WebhookEndpointDetails>> ListEndpointsAsync(string? afterEndpointId, int limit);

    /// <summary>The endpoint, or null when this sub-account has none with that id.</summary>
    Task<WebhookEndpointDetails?> GetEndpointAsync(string endpointId);

    /// <summary>Applies a partial update; <c>webhook-endpoint-not-found</c> for an unknown id.</summary>
    Task<WebhookEndpointDetails> UpdateEndpointAsync(string endpointId, WebhookEndpointChanges changes);

    /// <summary>Removes the endpoint with its pending deliveries and its delivery log.</summary>
    Task DeleteEndpointAsync(string endpointId);

    /// <summary>URL, encrypted secret and status, for the endpoint's delivery grain; null when it was deleted.</summary>
    Task<WebhookTarget?> GetTargetAsync(string endpointId);

    /// <summary>Every delivery of the endpoint has failed for too long: set it disabled.</summary>
    [OneWay]
    Task DisableEndpointAsync(string endpointId, string reason);

    /// <summary>Activates the grain, which resumes its outbox and wakes its endpoints' delivery grains (after a restart).</summary>
    Task WakeAsync();
}
