using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>One event's delivery to an endpoint: attempts so far, the last answer, and when the next attempt is due (pending only).</summary>
public sealed record WebhookDeliveryResponse(
    string Id,
    string EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.CreatedAt);
}
