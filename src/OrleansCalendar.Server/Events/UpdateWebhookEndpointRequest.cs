using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>A partial update of a webhook endpoint: omitted fields stay as they are.</summary>
/// <param name="Url">A new target URL, checked like at creation.</param>
/// <param name="EventTypes">The event types to send; empty means all.</param>
/// <param name="Description">A new note; an empty string clears it.</param>
/// <param name="Status"><c>enabled</c> or <c>disabled</c>; enabling an endpoint the service disabled starts it again.</param>
public sealed record UpdateWebhookEndpointRequest(string? Url = null, IReadOnlyList<string>? EventTypes = null, string? Description = null, WebhookEndpointStatus? Status = null);
