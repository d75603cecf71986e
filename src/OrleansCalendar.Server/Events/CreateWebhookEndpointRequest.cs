namespace OrleansCalendar.Server.Events;

/// <summary>A new webhook endpoint.</summary>
/// <param name="Url">Where events are posted: https, resolving to public addresses.</param>
/// <param name="EventTypes">The event types to send; omitted or empty means all.</param>
/// <param name="Description">A note for the sub-account's own use (at most 500 characters).</param>
public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? EventTypes = null, string? Description = null);
