using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace OrleansCalendar.Server.Webhooks;

/// <summary>
/// What Microsoft Graph posts: <c>{"value": [...]}</c>, one item per change (or lifecycle event), each with its
/// <c>subscriptionId</c> and <c>clientState</c>. Documents the body only: <see cref="WebhookBodyReader"/> reads it, capped.
/// </summary>
public sealed record OutlookNotificationsBody([property: Required] IReadOnlyList<JsonObject> Value);
