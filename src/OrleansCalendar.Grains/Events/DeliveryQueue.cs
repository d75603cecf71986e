using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Which pending deliveries may be sent now, without Orleans. Deliveries of one ordering key (an appointment, a
/// connection) go one at a time in the order they were queued: a later one waits until the earlier one has
/// succeeded or finally failed. Different keys go side by side, up to the free slots.
/// </summary>
public static class DeliveryQueue
{
    public static IReadOnlyList<WebhookDelivery> Startable(IEnumerable<WebhookDelivery> queue, IReadOnlySet<string> inFlight, DateTimeOffset now, int slots)
    {
        var startable = new List<WebhookDelivery>();
        foreach (var delivery in Heads(queue))
        {
            if (startable.Count >= slots)
            {
                break;
            }

            if (!inFlight.Contains(delivery.Id) && delivery.NextAttemptAt <= now)
            {
                startable.Add(delivery);
            }
        }

        return startable;
    }

    /// <summary>When the next delivery that is not in flight comes due, or null when none waits.</summary>
    public static DateTimeOffset? NextDueAt(IEnumerable<WebhookDelivery> queue, IReadOnlySet<string> inFlight) =>
        Heads(queue).Where(d => !inFlight.Contains(d.Id)).Min(d => d.NextAttemptAt);

    /// <summary>The first pending delivery of each ordering key, in queue order.</summary>
    private static IEnumerable<WebhookDelivery> Heads(IEnumerable<WebhookDelivery> queue)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in queue)
        {
            if (delivery.Status == DeliveryStatus.Pending && seen.Add(delivery.Event!.OrderingKey))
            {
                yield return delivery;
            }
        }
    }
}
