namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>Every delivery, in order; lets tests wait until a delivery matching a condition exists.</summary>
internal sealed class DeliveryLog
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryRecord> _records = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(DeliveryRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        Signal();
    }

    public DeliveryRecord Update(string id, Func<DeliveryRecord, DeliveryRecord> change)
    {
        DeliveryRecord updated;
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Id == id);
            if (index < 0)
            {
                // Cleared while in flight: keep reporting, just not in the log.
                return change(new DeliveryRecord { Id = id, SubscriptionId = string.Empty, Kind = "change", Url = string.Empty, Body = string.Empty, EnqueuedAt = DateTimeOffset.MinValue });
            }

            updated = change(_records[index]);
            _records[index] = updated;
        }

        Signal();
        return updated;
    }

    public IReadOnlyList<DeliveryRecord> List(string? subscriptionId = null)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => subscriptionId is null || string.Equals(r.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }

        Signal();
    }

    public async Task<DeliveryRecord> WaitForAsync(Func<DeliveryRecord, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_records.Find(r => predicate(r)) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No delivery matched within {timeout}. Deliveries so far: {List().Count}.");
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
