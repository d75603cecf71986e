namespace OrleansCalendar.Abstractions.Webhooks;

/// <summary>Where the notifications of a subscription go, and the SHA-256 of its clientState (the secret itself is never stored).</summary>
[GenerateSerializer, Immutable]
public sealed record SubscriptionTarget(
    [property: Id(0)] string IntegrationKey,
    [property: Id(1)] string CalendarId,
    [property: Id(2)] byte[] ClientStateHash);
