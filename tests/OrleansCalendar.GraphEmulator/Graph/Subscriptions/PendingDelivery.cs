namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>A queued delivery and, for lifecycle sends, who waits for its outcome.</summary>
internal sealed record PendingDelivery(DeliveryRecord Record, TaskCompletionSource<DeliveryRecord>? Completion);
