using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.GraphEmulator.Graph.Delta;
using OrleansCalendar.GraphEmulator.Graph.Subscriptions;
using OrleansCalendar.GraphEmulator.Identity;
using OrleansCalendar.GraphEmulator.Traffic;

namespace OrleansCalendar.GraphEmulator.State;

/// <summary>
/// The emulator's in-memory model: mailboxes and their calendars and events, identity grants,
/// delta tokens, subscriptions and deliveries, fault rules and traffic records. Every part is
/// thread-safe on its own. Tests arrange and inspect it through <see cref="Control.GraphEmulatorControl"/>.
/// </summary>
public sealed class GraphEmulatorState
{
    internal GraphEmulatorState(GraphEmulatorOptions options)
    {
        Options = options;
        Mailboxes = new MailboxStore(options.TimeProvider);
        Identity = new IdentityStore(options);
        Delta = new DeltaStore();
        Subscriptions = new SubscriptionStore();
        Deliveries = new DeliveryLog();
        Faults = new FaultStore(options.TimeProvider);
        Requests = new RequestLog(options.RequestLogCapacity);
        Concurrency = new ConcurrencyTracker();
    }

    public GraphEmulatorOptions Options { get; }

    internal MailboxStore Mailboxes { get; }

    internal IdentityStore Identity { get; }

    internal DeltaStore Delta { get; }

    internal SubscriptionStore Subscriptions { get; }

    internal DeliveryLog Deliveries { get; }

    internal FaultStore Faults { get; }

    internal RequestLog Requests { get; }

    internal ConcurrencyTracker Concurrency { get; }

    /// <summary>Forgets everything: data, tokens, subscriptions, deliveries, faults and traffic records.</summary>
    internal void Reset()
    {
        Mailboxes.Reset();
        Identity.Reset();
        Delta.Reset();
        Subscriptions.Reset();
        Deliveries.Clear();
        Faults.Clear();
        Requests.Clear();
        Concurrency.ResetMaxima();
    }
}
