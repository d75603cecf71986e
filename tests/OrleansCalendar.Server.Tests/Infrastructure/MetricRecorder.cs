using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Sums one app's counters (meter <c>OrleansCalendar</c>) by instrument and tags while it lives. Only that app's:
/// other apps in the test process have meters of the same name, told apart by the meter factory that made them.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _totals = new();

    public MetricRecorder(CalendarAppFactory app, string instrumentPrefix)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "OrleansCalendar" && ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Name.StartsWith(instrumentPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
            _totals.AddOrUpdate((instrument.Name, key), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements that carry every given tag.</summary>
    public long Total(string instrument, params string[] tags) =>
        _totals.Where(e => e.Key.Instrument == instrument && tags.All(t => e.Key.Tags.Split(',').Contains(t))).Sum(e => e.Value);

    public void Dispose() => _listener.Dispose();
}
