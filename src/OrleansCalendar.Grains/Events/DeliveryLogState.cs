using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

[GenerateSerializer]
public sealed class DeliveryLogState
{
    [Id(0)]
    public List<WebhookDelivery> Deliveries { get; set; } = [];
}
