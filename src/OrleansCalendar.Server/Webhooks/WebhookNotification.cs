namespace OrleansCalendar.Server.Webhooks;

/// <summary>One item of a notification body: a change (<see cref="LifecycleEvent"/> null) or a lifecycle event.</summary>
internal sealed record WebhookNotification(string SubscriptionId, string? ClientState, string? LifecycleEvent);
