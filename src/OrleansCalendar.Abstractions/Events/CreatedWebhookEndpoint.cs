namespace OrleansCalendar.Abstractions.Events;

/// <summary>A new endpoint and its signing secret, which is shown this once and stored only encrypted.</summary>
[GenerateSerializer, Immutable]
public sealed record CreatedWebhookEndpoint(
    [property: Id(0)] WebhookEndpointDetails Endpoint,
    [property: Id(1)] string Secret);
