namespace OrleansCalendar.Abstractions.Webhooks;

/// <summary>The lifecycle events Graph sends to a subscription's <c>lifecycleNotificationUrl</c>.</summary>
public static class LifecycleEvents
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";

    public static readonly IReadOnlyList<string> All = [ReauthorizationRequired, SubscriptionRemoved, Missed];
}
