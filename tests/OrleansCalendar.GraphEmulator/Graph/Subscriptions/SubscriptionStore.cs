namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>Subscriptions by id. Expired ones are kept (for inspection) but never match or list.</summary>
internal sealed class SubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubscriptionData> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public void Save(SubscriptionData subscription)
    {
        lock (_gate)
        {
            _subscriptions[subscription.Id] = subscription;
        }
    }

    public SubscriptionData? Find(string id)
    {
        lock (_gate)
        {
            return _subscriptions.GetValueOrDefault(id);
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(id);
        }
    }

    public IReadOnlyList<SubscriptionData> All()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Live subscriptions that watch a calendar of a mailbox for a change type.</summary>
    public IReadOnlyList<SubscriptionData> Matching(string mailboxId, string calendarId, string changeType, DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values.Where(s =>
                !s.Paused &&
                s.MailboxId == mailboxId &&
                (s.CalendarId is null || s.CalendarId == calendarId) &&
                s.ChangeTypes.Contains(changeType) &&
                s.ExpirationDateTime > now)];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _subscriptions.Clear();
        }
    }
}
