namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>
/// One notification the emulator sent (or is sending) to a subscriber, with the HTTP status of each attempt
/// (0 when no HTTP answer came: connection refused or timeout).
/// </summary>
public sealed record DeliveryRecord
{
    public required string Id { get; init; }

    public required string SubscriptionId { get; init; }

    /// <summary><c>change</c> or <c>lifecycle</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>created</c>, <c>updated</c> or <c>deleted</c> for change notifications.</summary>
    public string? ChangeType { get; init; }

    /// <summary><c>reauthorizationRequired</c>, <c>subscriptionRemoved</c> or <c>missed</c> for lifecycle notifications.</summary>
    public string? LifecycleEvent { get; init; }

    /// <summary>Event the change notification is about.</summary>
    public string? EventId { get; init; }

    public required string Url { get; init; }

    /// <summary>The JSON body sent.</summary>
    public required string Body { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    public IReadOnlyList<int> AttemptStatusCodes { get; init; } = [];

    public int? StatusCode => AttemptStatusCodes.Count == 0 ? null : AttemptStatusCodes[^1];

    public bool Completed { get; init; }

    public bool Succeeded { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How long the subscriber took to answer the last attempt.</summary>
    public TimeSpan? LastDuration { get; init; }

    public string? LastError { get; init; }
}
