namespace OrleansCalendar.Abstractions.Events;

/// <summary>An endpoint as the API shows it (never with its secret).</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookEndpointDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> EventTypes,
    [property: Id(3)] string? Description,
    [property: Id(4)] WebhookEndpointStatus Status,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string? DisabledReason);
