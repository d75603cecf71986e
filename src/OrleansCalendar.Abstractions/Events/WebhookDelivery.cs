using System.Runtime.Serialization;

namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// One event for one endpoint and where its delivery stands. <see cref="Event"/> (the payload) is kept only while
/// the delivery may still be sent: pending, or failed (a retry by hand sends it again); lists leave it out.
/// <see cref="SingleAttempt"/> marks a retry by hand: one attempt, then failed again if it fails.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WebhookDelivery(
    [property: Id(0)] string Id,
    [property: Id(1)] string EventId,
    [property: Id(2)] string EventType,
    [property: Id(3)] DeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] int? LastStatusCode,
    [property: Id(6)] string? LastError,
    [property: Id(7)] DateTimeOffset? NextAttemptAt,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] CalendarEvent? Event,
    [property: Id(10)] bool SingleAttempt = false)
{
    public const string IdPrefix = "dlv";

    /// <summary>Orders the delivery log: newest first means descending by this key. Computed, so never stored.</summary>
    [IgnoreDataMember]
    public string SortKey => $"{CreatedAt.UtcTicks:D19}|{Id}";

    /// <summary>The log day (UTC) a delivery belongs to: its creation day. Computed, so never stored.</summary>
    [IgnoreDataMember]
    public DateOnly Day => DateOnly.FromDateTime(CreatedAt.UtcDateTime);

    public WebhookDelivery WithoutPayload() => Event is null ? this : this with { Event = null };
}
