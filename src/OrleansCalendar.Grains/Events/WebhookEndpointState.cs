using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>Only what is still to be sent; finished deliveries live in the day buckets of the delivery log.</summary>
[GenerateSerializer]
public sealed class WebhookEndpointState
{
    /// <summary>Pending deliveries in the order they were queued (finished ones only until the next write moves them to the log).</summary>
    [Id(0)]
    public List<WebhookDelivery> Queue { get; set; } = [];

    /// <summary>Since when every attempt has failed (null after any success): the clock of auto-disable.</summary>
    [Id(1)]
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>The oldest day the delivery log may hold something for; null when it holds nothing.</summary>
    [Id(2)]
    public DateOnly? OldestLogDay { get; set; }

    /// <summary>Deliveries created per day, for the days the log keeps: where the next one is logged and how many pages a day has (<see cref="DeliveryLogPages"/>).</summary>
    [Id(3)]
    public Dictionary<DateOnly, int> CreatedPerDay { get; set; } = [];
}
