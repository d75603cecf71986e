namespace OrleansCalendar.Abstractions.Events;

/// <summary>A partial update of an endpoint: null leaves a field as it is; an empty description clears it.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookEndpointChanges(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string>? EventTypes,
    [property: Id(2)] string? Description,
    [property: Id(3)] WebhookEndpointStatus? Status);
