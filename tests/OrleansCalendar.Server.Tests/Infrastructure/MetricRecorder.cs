using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Sums and counts one app's measurements (meter <c>OrleansCalendar</c>) by instrument and tags while it lives. Only that app's:
/// other apps in the test process have meters of the same name, told apart by the meter factory that made them.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _totals = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _counts = new();

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
            var key = (instrument.Name, Key(tags));
            _totals.AddOrUpdate(key, value, (_, total) => total + value);
            _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            _counts.AddOrUpdate((instrument.Name, Key(tags)), 1, (_, count) => count + 1));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements that carry every given tag.</summary>
    public long Total(string instrument, params string[] tags) => SumOf(_totals, instrument, tags);

    /// <summary>How many measurements of an instrument (of any number type) carry every given tag.</summary>
    public long Count(string instrument, params string[] tags) => SumOf(_counts, instrument, tags);

    /// <summary>Every tag (<c>key=value</c>) an instrument's measurements carried.</summary>
    public IReadOnlySet<string> Tags(string instrument) =>
        _counts.Keys.Where(k => k.Instrument == instrument).SelectMany(k => k.Tags.Split(',')).ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();

    private static long SumOf(ConcurrentDictionary<(string Instrument, string Tags), long> values, string instrument, string[] tags) =>
        values.Where(e => e.Key.Instrument == instrument && tags.All(t => e.Key.Tags.Split(',').Contains(t))).Sum(e => e.Value);

    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
}
