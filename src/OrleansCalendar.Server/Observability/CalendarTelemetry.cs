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
    }

    public static ActivitySource Source { get; } = new(Name);

    public Meter Meter { get; }

    public Counter<long> SubAccountsCreated { get; }

    public void Dispose() => Meter.Dispose();
}
