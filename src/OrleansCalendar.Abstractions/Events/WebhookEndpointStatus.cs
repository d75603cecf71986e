namespace OrleansCalendar.Abstractions.Events;

public enum WebhookEndpointStatus
{
    Enabled,

    /// <summary>Turned off by the sub-account, or by the service after every delivery failed for a long time.</summary>
    Disabled,
}
