using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>A new webhook endpoint with its signing secret (<c>whsec_…</c>), shown only in this answer.</summary>
public sealed record CreatedWebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    WebhookEndpointStatus Status,
    string Secret,
    DateTimeOffset CreatedAt)
{
    public static CreatedWebhookEndpointResponse From(CreatedWebhookEndpoint created)
    {
        var e = created.Endpoint;
        return new(e.Id, e.Url, e.EventTypes, e.Description, e.Status, created.Secret, e.CreatedAt);
    }
}
