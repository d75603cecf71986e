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
        StoreWrites = Meter.CreateCounter<long>(
            "orleans_calendar.store.writes",
            description: "Embedded store: grain state writes, by state.");
        StoreWrittenBytes = Meter.CreateCounter<long>(
            "orleans_calendar.store.written_bytes",
            unit: "By",
            description: "Embedded store: serialized grain state written, by state.");
        StoreWriterBusy = Meter.CreateCounter<double>(
            "orleans_calendar.store.writer_busy_time",
            unit: "s",
            description: "Embedded store: time the single SQLite writer spent on writes, by state (its rate is the writer's use, up to 1).");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Meter Meter { get; }

    public Counter<long> SubAccountsCreated { get; }

    public Counter<long> WebhookNotifications { get; }

    public Counter<long> WebhookLifecycleEvents { get; }

    public Counter<long> WebhookRejectedBodies { get; }

    public Counter<long> StoreWrites { get; }

    public Counter<long> StoreWrittenBytes { get; }

    public Counter<double> StoreWriterBusy { get; }

    public void Dispose() => Meter.Dispose();
}
