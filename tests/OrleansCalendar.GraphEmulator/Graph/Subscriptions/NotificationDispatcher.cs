using System.Diagnostics;
using System.Net.Http.Headers;
using System.Threading.Channels;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>
/// Sends change notifications from a background queue (writers never wait for subscribers),
/// retrying a few times with backoff, and records every attempt in the <see cref="DeliveryLog"/>.
/// </summary>
internal sealed class NotificationDispatcher : IHostedService, IDisposable
{
    private readonly GraphEmulatorState _state;
    private readonly Channel<PendingDelivery> _queue = Channel.CreateUnbounded<PendingDelivery>();
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _pending;

    public NotificationDispatcher(GraphEmulatorState state)
    {
        _state = state;
        _slots = new SemaphoreSlim(Math.Max(1, state.Options.NotificationConcurrency));
        Http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("Microsoft-Graph-Emulator/1.0");
        state.Mailboxes.EventChanged += OnEventChanged;
    }

    /// <summary>Client for calls to subscribers (also used for the validation handshake).</summary>
    public HttpClient Http { get; }

    /// <summary>Deliveries queued or in flight.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Sends a lifecycle notification; completes once delivered or given up.</summary>
    public Task<DeliveryRecord> SendLifecycleAsync(SubscriptionData subscription, string lifecycleEvent)
    {
        var url = subscription.LifecycleNotificationUrl
            ?? throw new InvalidOperationException($"Subscription {subscription.Id} has no lifecycleNotificationUrl.");
        var record = NewRecord(subscription, url, NotificationPayloads.Lifecycle(subscription, lifecycleEvent, _state.Options.TenantId)) with
        {
            Kind = "lifecycle",
            LifecycleEvent = lifecycleEvent,
        };
        var completion = new TaskCompletionSource<DeliveryRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(record, completion);
        return completion.Task;
    }

    /// <summary>Waits until nothing is queued or in flight.</summary>
    public async Task WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (Pending > 0)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{Pending} notification(s) still pending after {timeout}.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public void Dispose()
    {
        _state.Mailboxes.EventChanged -= OnEventChanged;
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
        Http.Dispose();
    }

    private void OnEventChanged(EventChange change)
    {
        var now = _state.Options.TimeProvider.GetUtcNow();
        foreach (var subscription in _state.Subscriptions.Matching(change.MailboxId, change.CalendarId, change.ChangeType, now))
        {
            var body = NotificationPayloads.Change(subscription, change.ChangeType, change.EventId, change.ChangeKey, _state.Options.TenantId);
            Enqueue(NewRecord(subscription, subscription.NotificationUrl, body) with
            {
                ChangeType = change.ChangeType,
                EventId = change.EventId,
            }, completion: null);
        }
    }

    private DeliveryRecord NewRecord(SubscriptionData subscription, string url, string body) => new()
    {
        Id = Guid.NewGuid().ToString(),
        SubscriptionId = subscription.Id,
        Kind = "change",
        Url = url,
        Body = body,
        EnqueuedAt = _state.Options.TimeProvider.GetUtcNow(),
    };

    private void Enqueue(DeliveryRecord record, TaskCompletionSource<DeliveryRecord>? completion)
    {
        _state.Deliveries.Add(record);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(new PendingDelivery(record, completion)))
        {
            Interlocked.Decrement(ref _pending);
            completion?.TrySetResult(record);
        }
    }

    private async Task RunAsync()
    {
        var inFlight = new List<Task>();
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                await _slots.WaitAsync(_stopping.Token);
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(DeliverAsync(delivery));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task DeliverAsync(PendingDelivery delivery)
    {
        var record = delivery.Record;
        try
        {
            var options = _state.Options;
            var attempts = Math.Max(1, options.NotificationMaxAttempts);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                var (status, duration, error) = await PostAsync(record.Url, record.Body);
                var succeeded = status is >= 200 and < 300;
                var last = succeeded || attempt == attempts;
                record = _state.Deliveries.Update(record.Id, r => r with
                {
                    AttemptStatusCodes = [.. r.AttemptStatusCodes, status],
                    LastDuration = duration,
                    LastError = error,
                    Succeeded = succeeded,
                    Completed = last,
                    CompletedAt = last ? options.TimeProvider.GetUtcNow() : null,
                });
                if (last)
                {
                    break;
                }

                await Task.Delay(options.NotificationRetryDelay * Math.Pow(2, attempt - 1), _stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            _slots.Release();
            delivery.Completion?.TrySetResult(record);
        }
    }

    private async Task<(int Status, TimeSpan Duration, string? Error)> PostAsync(string url, string body)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_state.Options.NotificationTimeout);
        try
        {
            using var content = new StringContent(body, MediaTypeHeaderValue.Parse("application/json; charset=utf-8"));
            using var response = await Http.PostAsync(new Uri(url), content, timeout.Token);
            return ((int)response.StatusCode, watch.Elapsed, null);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return (0, watch.Elapsed, $"No answer within {_state.Options.NotificationTimeout}.");
        }
        catch (HttpRequestException exception)
        {
            return (0, watch.Elapsed, exception.Message);
        }
    }
}
