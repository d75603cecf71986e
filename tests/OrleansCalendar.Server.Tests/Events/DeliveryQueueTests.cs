using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;

namespace OrleansCalendar.Server.Tests.Events;

public sealed class DeliveryQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_first_pending_delivery_of_each_ordering_key_may_start_and_not_past_the_free_slots()
    {
        var a1 = Delivery("a", due: Now);
        var a2 = Delivery("a", due: Now);
        var b1 = Delivery("b", due: Now.AddSeconds(5));
        var c1 = Delivery("c", due: Now);
        var d1 = Delivery("d", due: Now);
        var queue = new[] { a1, a2, b1, c1, d1 };

        Assert.Equal([a1, c1, d1], DeliveryQueue.Startable(queue, new HashSet<string>(), Now, slots: 8));
        Assert.Equal([a1, c1], DeliveryQueue.Startable(queue, new HashSet<string>(), Now, slots: 2));

        // While a1 is in flight, a2 waits behind it; once a1 has finished, a2 is the head.
        Assert.Equal([c1, d1], DeliveryQueue.Startable(queue, new HashSet<string> { a1.Id }, Now, slots: 8));
        var afterA1 = new[] { a1 with { Status = DeliveryStatus.Succeeded }, a2, b1, c1, d1 };
        Assert.Equal([a2, c1, d1], DeliveryQueue.Startable(afterA1, new HashSet<string>(), Now, slots: 8));
    }

    [Fact]
    public void The_next_due_time_ignores_deliveries_in_flight_and_those_waiting_behind_another()
    {
        var a1 = Delivery("a", due: Now.AddSeconds(10));
        var a2 = Delivery("a", due: Now.AddSeconds(1));
        var b1 = Delivery("b", due: Now.AddSeconds(3));

        Assert.Equal(Now.AddSeconds(3), DeliveryQueue.NextDueAt([a1, a2, b1], new HashSet<string>()));
        Assert.Equal(Now.AddSeconds(10), DeliveryQueue.NextDueAt([a1, a2, b1], new HashSet<string> { b1.Id }));
        Assert.Null(DeliveryQueue.NextDueAt([a1 with { Status = DeliveryStatus.Failed }], new HashSet<string>()));
    }

    private static WebhookDelivery Delivery(string key, DateTimeOffset due)
    {
        var e = CalendarEvent.Ping(Now) with { OrderingKey = key };
        return new WebhookDelivery(Guid.NewGuid().ToString("N"), e.Id, e.Type, DeliveryStatus.Pending, 0, null, null, due, Now, e);
    }
}
