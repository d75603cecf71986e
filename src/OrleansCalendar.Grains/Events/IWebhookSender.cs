using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Sends one signed webhook request (Standard Webhooks) and reports the outcome; never throws for a failed
/// delivery. The host implements it: it renders the payload with the REST API's own mapping and owns the HTTP client.
/// </summary>
public interface IWebhookSender
{
    Task<DeliveryAttempt> SendAsync(string url, string secret, CalendarEvent @event, CancellationToken cancellationToken);
}
