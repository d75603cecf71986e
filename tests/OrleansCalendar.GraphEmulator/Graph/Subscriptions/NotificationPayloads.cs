using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>Bodies of change and lifecycle notifications, shaped as Outlook sends them.</summary>
internal static class NotificationPayloads
{
    public static string Change(SubscriptionData subscription, string changeType, string eventId, string changeKey, string tenantId)
    {
        var resource = $"Users/{subscription.MailboxId}/Events/{eventId}";
        return Wrap(new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Expiration(subscription),
            ["changeType"] = changeType,
            ["resource"] = resource,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Event",
                ["@odata.id"] = resource,
                ["@odata.etag"] = $"W/\"{changeKey}\"",
                ["id"] = eventId,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = tenantId,
        });
    }

    public static string Lifecycle(SubscriptionData subscription, string lifecycleEvent, string tenantId) =>
        Wrap(new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Expiration(subscription),
            ["tenantId"] = tenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        });

    private static string Expiration(SubscriptionData subscription) =>
        subscription.ExpirationDateTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static string Wrap(JsonObject notification) =>
        new JsonObject { ["value"] = new JsonArray(notification) }.ToJsonString();
}
