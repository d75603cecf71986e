namespace OrleansCalendar.Grains.Events;

[GenerateSerializer]
public sealed class EndpointCatalogState
{
    /// <summary>In creation order; at most <see cref="EventPublisherGrain.MaxEndpoints"/>.</summary>
    [Id(0)]
    public List<EndpointRecord> Endpoints { get; set; } = [];
}
