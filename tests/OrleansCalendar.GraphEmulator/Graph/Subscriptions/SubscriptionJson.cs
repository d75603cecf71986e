using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>Graph's <c>subscription</c> resource.</summary>
internal static class SubscriptionJson
{
    public static JsonObject Write(SubscriptionData subscription) => new()
    {
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = subscription.ApplicationId,
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl,
        ["notificationQueryOptions"] = null,
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl,
        ["expirationDateTime"] = GraphFormat.Timestamp(subscription.ExpirationDateTime),
        ["creatorId"] = subscription.MailboxId,
        ["includeResourceData"] = false,
        ["latestSupportedTlsVersion"] = subscription.LatestSupportedTlsVersion,
        ["encryptionCertificate"] = null,
        ["encryptionCertificateId"] = null,
        ["notificationUrlAppId"] = null,
    };
}
