namespace OrleansCalendar.Abstractions.Events;

/// <summary>A new endpoint: where to post, which event types (empty: all), and the owner's note.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookEndpointDefinition(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> EventTypes,
    [property: Id(2)] string? Description);
