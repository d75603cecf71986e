using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Reentrant, so that prepares arriving while the outbox is being written wait for the next write together (group
/// commit) instead of queueing one write each behind it. Endpoint changes take turns of their own.
/// </summary>
[Reentrant]
public sealed partial class EventPublisherGrain(
    [PersistentState("event-endpoints", StorageNames.Default)] IPersistentState<EndpointCatalogState> catalog,
    [PersistentState("event-outbox", StorageNames.Default)] IPersistentState<EventOutboxState> outbox,
    IEventWorkRegistry registry,
    ISecretProtector secrets,
    IOptions<EventOptions> options,
    TimeProvider clock,
    ILogger<EventPublisherGrain> logger) : Grain, IEventPublisherGrain, IRemindable
{
    /// <summary>Endpoints per sub-account: bounds this grain's state and the fan-out of every event.</summary>
    public const int MaxEndpoints = 50;

    private const string ReminderName = "event-outbox";
    private const string EndpointPrefix = "ep";

    private Task _catalogTurn = Task.CompletedTask;
    private GroupCommit? _outboxWrites;
    private IGrainTimer? _timer;
    private IGrainTimer? _flushTimer;
    private bool _outboxDirty;
    private bool _dispatching;
    private bool _reminderOn;

    private string SubAccountId => this.GetPrimaryKeyString();

    private Outbox Pending => new(outbox.State.Events);

    private GroupCommit OutboxWrites => _outboxWrites ??= new GroupCommit(WriteOutboxAsync);

    /// <summary>
    /// One write of the outbox. A failed write's callers take their own events back out, but it may have landed all
    /// the same (a lost answer), leaving this activation's view of storage stale: it is dropped, and the next one reads
    /// what storage holds, where the producers settle any event it kept.
    /// </summary>
    private async Task WriteOutboxAsync()
    {
        _outboxDirty = false;
        try
        {
            await outbox.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Delivery grains whose silo died resume at once instead of at their next reminder.
        foreach (var endpoint in catalog.State.Endpoints)
        {
            Endpoint(endpoint.Id).WakeAsync().Ignore();
        }

        if (outbox.State.Events.Count > 0)
        {
            KeepWorking();
        }

        return Task.CompletedTask;
    }

    public async Task<bool> PrepareAsync(IReadOnlyList<CalendarEvent> events)
    {
        var wanted = events.Where(e => catalog.State.Endpoints.Exists(ep => ep.Subscribes(e.Type))).ToList();
        if (wanted.Count == 0)
        {
            return false;
        }

        var added = Pending.Add(wanted, clock.GetUtcNow());
        try
        {
            await OutboxWrites.WriteAsync();
        }
        catch
        {
            Pending.Remove(added);
            throw;
        }

        KeepWorking();
        return true;
    }

    public Task CommitAsync(IReadOnlyList<string> eventIds)
    {
        if (Pending.Commit(eventIds))
        {
            _ = DispatchAsync();
        }

        return Task.CompletedTask;
    }

    public Task AbortAsync(IReadOnlyList<string> eventIds)
    {
        // Until stored, a restart finds them and the producer says they were aborted.
        Pending.Remove(eventIds);
        StoreSoon();
        return Task.CompletedTask;
    }

    public Task WakeAsync() => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        KeepWorking();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Hands committed events to the delivery grains of the endpoints that subscribe to them, then drops them from the
    /// outbox. One hand-over runs at a time, in sequence order, so each producer's events reach an endpoint in order.
    /// A failed hand-over is tried again on the next tick.
    /// </summary>
    private async Task DispatchAsync()
    {
        if (_dispatching)
        {
            return;
        }

        _dispatching = true;
        try
        {
            while (Pending.Committed() is { Count: > 0 } batch)
            {
                var endpoints = catalog.State.Endpoints.ToList();
                await Task.WhenAll(endpoints
                    .Select(ep => (ep, events: batch.Select(t => t.Event).Where(e => ep.Subscribes(e.Type)).ToList()))
                    .Where(x => x.events.Count > 0)
                    .Select(x => Endpoint(x.ep.Id).EnqueueAsync(x.events)));
                Pending.Remove(batch);
                StoreSoon();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDispatchFailed(e);
        }
        finally
        {
            _dispatching = false;
        }
    }

    /// <summary>
    /// Stores removals from the outbox with the next prepare's write, or on their own a second later when no prepare
    /// comes: under load they cost no write of their own. A crash before that hands the events over again after
    /// verification (at least once, same event ids).
    /// </summary>
    private void StoreSoon()
    {
        _outboxDirty = true;
        _flushTimer ??= this.RegisterGrainTimer(async _ =>
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
            if (_outboxDirty)
            {
                try
                {
                    await OutboxWrites.WriteAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogDispatchFailed(e);
                    StoreSoon();
                }
            }
        }, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>Asks the producers of events prepared long ago and neither committed nor aborted what became of them.</summary>
    private async Task VerifyAsync()
    {
        var due = Pending.DueForVerification(clock.GetUtcNow(), options.Value.VerifyAfter);
        if (due.Count == 0)
        {
            return;
        }

        var fates = await Task.WhenAll(due.Select(async t =>
        {
            try
            {
                return await Source(t.Event.Source).GetEventFateAsync(t.Event.Sequence);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogVerifyFailed(e, t.Event.Id);
                return EventFate.Unknown;
            }
        }));
        Pending.Commit(due.Where((_, i) => fates[i] == EventFate.Committed).Select(t => t.Event.Id).ToList());
        Pending.Remove(due.Where((_, i) => fates[i] == EventFate.Aborted).ToList());
        StoreSoon();
        await DispatchAsync();
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync();
            await VerifyAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDispatchFailed(e);
        }

        if (outbox.State.Events.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            await StopReminderAsync();
        }
    }

    /// <summary>A timer while this activation lives and a reminder for when it does not, as long as the outbox holds events.</summary>
    private void KeepWorking()
    {
        if (_timer is null)
        {
            var period = options.Value.VerifyAfter / 4;
            period = period < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : period > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : period;
            _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(period, period) { Interleave = true });
        }

        if (!_reminderOn)
        {
            _reminderOn = true;
            _ = StartReminderAsync();
        }
    }

    private async Task StartReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _reminderOn = false;
            LogDispatchFailed(e);
        }
    }

    private async Task StopReminderAsync()
    {
        if (!_reminderOn)
        {
            return;
        }

        _reminderOn = false;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private IEventSourceGrain Source(EventSourceRef source) => source.Kind switch
    {
        EventSourceKind.Appointment => GrainFactory.GetGrain<IAppointmentGrain>(source.GrainKey),
        EventSourceKind.OutlookIntegration => GrainFactory.GetGrain<IOutlookIntegrationGrain>(source.GrainKey),
        _ => throw new InvalidOperationException($"Events of kind {source.Kind} have no producer to ask."),
    };

    private IWebhookEndpointGrain Endpoint(string endpointId) =>
        GrainFactory.GetGrain<IWebhookEndpointGrain>(GrainKeys.Scoped(SubAccountId, endpointId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing events to webhook endpoints failed; trying again")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the producer of event {EventId} whether it was stored; asking again")]
    private partial void LogVerifyFailed(Exception exception, string eventId);
}
