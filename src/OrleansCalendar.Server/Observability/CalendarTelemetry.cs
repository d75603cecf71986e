using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansCalendar.Server.Observability;

/// <summary>The service's own activity source and meter.</summary>
public sealed class CalendarTelemetry : IDisposable
{
    public const string Name = "OrleansCalendar";

    public CalendarTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        SubAccountsCreated = Meter.CreateCounter<long>("orleans_calendar.subaccounts.created", description: "Sub-accounts created.");
        WebhookNotifications = Meter.CreateCounter<long>(
            "orleans_calendar.webhook.notifications",
            description: "Graph change notifications received, by outcome (accepted, unknown_subscription, wrong_client_state).");
        WebhookLifecycleEvents = Meter.CreateCounter<long>(
            "orleans_calendar.webhook.lifecycle_events",
            description: "Graph lifecycle notifications received, by event and outcome.");
        WebhookRejectedBodies = Meter.CreateCounter<long>(
            "orleans_calendar.webhook.rejected_bodies",
            description: "Webhook requests refused as a whole, by reason (malformed, too_large).");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Meter Meter { get; }

    public Counter<long> SubAccountsCreated { get; }

    public Counter<long> WebhookNotifications { get; }

    public Counter<long> WebhookLifecycleEvents { get; }

    public Counter<long> WebhookRejectedBodies { get; }

    public void Dispose() => Meter.Dispose();
}
