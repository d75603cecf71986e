using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>A webhook endpoint. <paramref name="EventTypes"/> empty means all types; <paramref name="DisabledReason"/> says why it is disabled.</summary>
public sealed record WebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    WebhookEndpointStatus Status,
    DateTimeOffset CreatedAt,
    string? DisabledReason)
{
    public static WebhookEndpointResponse From(WebhookEndpointDetails e) =>
        new(e.Id, e.Url, e.EventTypes, e.Description, e.Status, e.CreatedAt, e.DisabledReason);
}
