using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>One webhook endpoint of a sub-account. The secret is stored only encrypted.</summary>
[GenerateSerializer]
public sealed class EndpointRecord
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string Url { get; set; } = "";

    /// <summary>Empty: every type.</summary>
    [Id(2)]
    public List<string> EventTypes { get; set; } = [];

    [Id(3)]
    public string? Description { get; set; }

    [Id(4)]
    public WebhookEndpointStatus Status { get; set; }

    [Id(5)]
    public string ProtectedSecret { get; set; } = "";

    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(7)]
    public string? DisabledReason { get; set; }

    public bool Subscribes(string eventType) =>
        Status == WebhookEndpointStatus.Enabled && (EventTypes.Count == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal));

    public WebhookEndpointDetails Details() => new(Id, Url, EventTypes.ToList(), Description, Status, CreatedAt, DisabledReason);
}
