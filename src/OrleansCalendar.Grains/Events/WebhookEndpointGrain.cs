using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Reentrant: deliveries are in flight side by side while events keep arriving and the API reads the log. Every
/// change of the queue is stored through one group commit, so a burst of finished deliveries costs one write; a
/// crash before it only sends those again (same <c>webhook-id</c>).
/// </summary>
[Reentrant]
public sealed partial class WebhookEndpointGrain(
    [PersistentState("webhook-endpoint", StorageNames.Events)] IPersistentState<WebhookEndpointState> state,
    IWebhookSender sender,
    ISecretProtector secrets,
    IOptions<EventOptions> options,
    TimeProvider clock,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    private const string ReminderName = "webhook-delivery";
    private static readonly TimeSpan BusyReminder = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IdleReminder = TimeSpan.FromHours(1);

    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private GroupCommit? _writes;
    private IGrainTimer? _timer;
    private TimeSpan? _reminderPeriod;
    private (WebhookTarget Target, string Secret)? _target;
    private bool _targetLoaded;

    private string SubAccountId => GrainKeys.Split(this.GetPrimaryKeyString()).SubAccountId;

    private string EndpointId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    private List<WebhookDelivery> Queue => state.State.Queue;

    private EventOptions Options => options.Value;

    private GroupCommit Writes => _writes ??= new GroupCommit(PersistAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Queue.Count > 0 || state.State.OldestLogDay is not null)
        {
            await LoadTargetAsync();
            await PruneLogAsync();
            Pump();
        }
    }

    public async Task EnqueueAsync(IReadOnlyList<CalendarEvent> events)
    {
        var target = await TargetAsync();
        if (target is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var queued = Queue.Select(d => d.EventId).ToHashSet(StringComparer.Ordinal);
        var added = new List<WebhookDelivery>();
        foreach (var e in events.Where(e => queued.Add(e.Id)))
        {
            var delivery = new WebhookDelivery(NewDeliveryId(now), e.Id, e.Type, DeliveryStatus.Pending, 0, null, null, now, now, e);
            added.Add(target.Value.Target.Status != WebhookEndpointStatus.Enabled ? Fail(delivery, "The endpoint is disabled.")
                : Queue.Count(d => d.Status == DeliveryStatus.Pending) >= Options.MaxPendingPerEndpoint ? Fail(delivery, "The endpoint's queue is full.")
                : delivery);
            Queue.Add(added[^1]);
        }

        try
        {
            await Writes.WriteAsync();
        }
        catch
        {
            var gone = added.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            Queue.RemoveAll(d => gone.Contains(d.Id));
            throw;
        }

        Pump();
    }

    public async Task TargetChangedAsync()
    {
        _targetLoaded = false;
        var target = await TargetAsync();
        if (target is null)
        {
            await DeleteAsync();
            return;
        }

        if (target.Value.Target.Status == WebhookEndpointStatus.Disabled && Queue.Exists(d => d.Status == DeliveryStatus.Pending && !_inFlight.Contains(d.Id)))
        {
            for (var i = 0; i < Queue.Count; i++)
            {
                if (Queue[i].Status == DeliveryStatus.Pending && !_inFlight.Contains(Queue[i].Id))
                {
                    Queue[i] = Fail(Queue[i], "The endpoint is disabled.");
                }
            }

            await Writes.WriteAsync();
        }

        Pump();
    }

    public Task WakeAsync() => Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await LoadTargetAsync();
        await PruneLogAsync();
        Pump();
    }

    /// <summary>Starts every delivery that may go now and points the timer at the next one due.</summary>
    private void Pump()
    {
        if (_target is { Target.Status: WebhookEndpointStatus.Enabled } target)
        {
            var slots = Options.MaxConcurrencyPerEndpoint - _inFlight.Count;
            foreach (var delivery in DeliveryQueue.Startable(Queue, _inFlight, clock.GetUtcNow(), slots))
            {
                _inFlight.Add(delivery.Id);
                _ = SendAsync(delivery, target);
            }
        }

        // With every slot taken, a finishing delivery pumps again: a timer for what is already due would spin.
        var due = _target is { Target.Status: WebhookEndpointStatus.Enabled } && _inFlight.Count < Options.MaxConcurrencyPerEndpoint
            ? DeliveryQueue.NextDueAt(Queue, _inFlight)
            : null;
        if (Queue.Exists(d => d.Status != DeliveryStatus.Pending))
        {
            // Finished deliveries whose write failed: store them again shortly.
            var retryWrite = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            due = due is null || retryWrite < due ? retryWrite : due;
        }

        ArmTimer(due);
        _ = KeepReminderAsync();
    }

    private async Task SendAsync(WebhookDelivery delivery, (WebhookTarget Target, string Secret) target)
    {
        DeliveryAttempt attempt;
        try
        {
            attempt = await sender.SendAsync(target.Target.Url, target.Secret, delivery.Event!, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            attempt = new DeliveryAttempt(false, null, e.Message);
        }
        finally
        {
            _inFlight.Remove(delivery.Id);
        }

        var index = Queue.FindIndex(d => d.Id == delivery.Id);
        if (index >= 0)
        {
            Queue[index] = Record(Queue[index], attempt);
            try
            {
                Pump();
                await Writes.WriteAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogWriteFailed(e);
            }
        }

        Pump();
    }

    /// <summary>The delivery after an attempt: succeeded, due again after the schedule's next wait, or failed for good.</summary>
    private WebhookDelivery Record(WebhookDelivery delivery, DeliveryAttempt attempt)
    {
        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        if (attempt.Succeeded)
        {
            state.State.FailingSince = null;
            return delivery with { Status = DeliveryStatus.Succeeded, Attempts = attempts, LastStatusCode = attempt.StatusCode, LastError = null, NextAttemptAt = null, SingleAttempt = false };
        }

        var failingSince = state.State.FailingSince ??= now;
        if (now - failingSince >= Options.DisableAfter)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"Every delivery failed for {Options.DisableAfter} (last error: {attempt.Error}).");
            GrainFactory.GetGrain<IEventPublisherGrain>(SubAccountId).DisableEndpointAsync(EndpointId, reason).Ignore();
        }

        var schedule = Options.ParseRetrySchedule()!;
        var next = delivery with { Attempts = attempts, LastStatusCode = attempt.StatusCode, LastError = attempt.Error };
        return delivery.SingleAttempt || attempts > schedule.Count
            ? next with { Status = DeliveryStatus.Failed, NextAttemptAt = null, SingleAttempt = false }
            : next with { NextAttemptAt = now + schedule[attempts - 1] };
    }

    private static WebhookDelivery Fail(WebhookDelivery delivery, string reason) =>
        delivery with { Status = DeliveryStatus.Failed, LastError = reason, NextAttemptAt = null, SingleAttempt = false };

    /// <summary>
    /// The one write of the queue: finished deliveries go to their day's log bucket first (idempotent by id), then
    /// leave the queue in the same state write as every other change since the last one.
    /// </summary>
    private async Task PersistAsync()
    {
        var finished = Queue.Where(d => d.Status != DeliveryStatus.Pending).ToList();
        if (finished.Count > 0)
        {
            await Task.WhenAll(finished.GroupBy(PageOf).Select(page =>
                Log(page.Key.Day, page.Key.Page).AddAsync(page.Select(d => d.Status == DeliveryStatus.Succeeded ? d.WithoutPayload() : d).ToList())));
            var oldest = finished.Min(d => d.Day);
            if (state.State.OldestLogDay is not { } known || oldest < known)
            {
                state.State.OldestLogDay = oldest;
            }

            var gone = finished.ToHashSet();
            Queue.RemoveAll(gone.Contains);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Stored or not, the next activation reads which: at worst it sends the finished ones again.
            Queue.AddRange(finished);
            DeactivateOnIdle();
            throw;
        }
    }

    private void ArmTimer(DateTimeOffset? due)
    {
        if (due is null)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }

        var wait = due.Value - clock.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (Queue.Exists(d => d.Status != DeliveryStatus.Pending))
        {
            try
            {
                await Writes.WriteAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogWriteFailed(e);
            }
        }

        Pump();
    }

    /// <summary>
    /// A reminder as long as there is work: every minute while deliveries are pending (they resume within a minute on
    /// another silo if this one dies), hourly while only the log needs pruning; none when both are empty.
    /// </summary>
    private async Task KeepReminderAsync()
    {
        TimeSpan? period = Queue.Count > 0 ? BusyReminder : state.State.OldestLogDay is not null ? IdleReminder : null;
        if (period == _reminderPeriod)
        {
            return;
        }

        var previous = _reminderPeriod;
        _reminderPeriod = period;
        try
        {
            if (period is { } p)
            {
                await this.RegisterOrUpdateReminder(ReminderName, p, p);
            }
            else if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _reminderPeriod = previous;
            LogWriteFailed(e);
        }
    }

    /// <summary>The endpoint's URL, status and decrypted secret, read once per activation (and again when they change).</summary>
    private async Task<(WebhookTarget Target, string Secret)?> TargetAsync()
    {
        if (!_targetLoaded)
        {
            await LoadTargetAsync();
        }

        return _target;
    }

    private async Task LoadTargetAsync()
    {
        var target = await GrainFactory.GetGrain<IEventPublisherGrain>(SubAccountId).GetTargetAsync(EndpointId);
        _target = target is null ? null : (target, secrets.Unprotect(target.ProtectedSecret));
        _targetLoaded = true;
    }

    private IDeliveryLogGrain Log(DateOnly day, int page) =>
        GrainFactory.GetGrain<IDeliveryLogGrain>(string.Create(CultureInfo.InvariantCulture, $"{this.GetPrimaryKeyString()}/{day:yyyyMMdd}/{page}"));

    /// <summary>A new delivery's id, which places it on its day's current log page; the count is stored with the delivery.</summary>
    private string NewDeliveryId(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var created = state.State.CreatedPerDay.GetValueOrDefault(day);
        state.State.CreatedPerDay[day] = created + 1;
        return DeliveryLogPages.NewId(day, created);
    }

    /// <summary>The log page of a delivery: the one its id names (page 0 of its day for an id of another shape).</summary>
    private static (DateOnly Day, int Page) PageOf(WebhookDelivery delivery) => DeliveryLogPages.Locate(delivery.Id) ?? (delivery.Day, 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the webhook delivery queue failed; trying again")]
    private partial void LogWriteFailed(Exception exception);
}
