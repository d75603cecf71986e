namespace OrleansCalendar.Abstractions.Events;

/// <summary>What an endpoint's delivery grain needs to send: the URL, the encrypted secret and whether it may send.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookTarget(
    [property: Id(0)] string Url,
    [property: Id(1)] string ProtectedSecret,
    [property: Id(2)] WebhookEndpointStatus Status);
