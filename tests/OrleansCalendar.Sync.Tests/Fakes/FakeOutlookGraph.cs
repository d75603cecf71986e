using System.Globalization;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests.Fakes;

/// <summary>
/// Microsoft Graph for unit tests: one mailbox whose calendars hold events with a change log, delta rounds paged by
/// <see cref="PageSize"/> with links that expire on demand (410), events created and changed by our pushes
/// (transaction ids honoured), subscriptions, and failures or hangs injected per call. Every call is recorded.
/// </summary>
public sealed class FakeOutlookGraph : IOutlookGraph
{
    private readonly Dictionary<string, List<(int Version, OutlookEvent Item)>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string CalendarId, List<OutlookEvent> Remaining, int Version)> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string CalendarId, OutlookEventDraft Draft)> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _subscriptions = new(StringComparer.Ordinal);
    private readonly Queue<Func<Exception?>> _failures = new();
    private int _lostAnswers;
    private int _version;
    private int _expiredBelow;
    private int _ids;

    public List<string> Calls { get; } = [];

    /// <summary>The access token each call carried.</summary>
    public List<string> Tokens { get; } = [];

    public int PageSize { get; set; } = 2;

    /// <summary>Runs at the start of every call (tests move their clock here, or note the time).</summary>
    public Action? OnCall { get; set; }

    /// <summary>Calls hang until their cancellation token fires.</summary>
    public bool Hang { get; set; }

    /// <summary>Tokens Graph refuses with 401.</summary>
    public HashSet<string> RejectedTokens { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<OutlookCalendar> Calendars { get; set; } = [];

    /// <summary>Events we pushed, by id: what Outlook holds of our copies.</summary>
    public IReadOnlyDictionary<string, (string CalendarId, OutlookEventDraft Draft)> Created => _created;

    public IReadOnlyDictionary<string, DateTimeOffset> Subscriptions => _subscriptions;

    /// <summary>The next call fails with the given exception (queued, one per call).</summary>
    public void FailNext(Exception failure) => _failures.Enqueue(() => failure);

    public void FailNext(int statusCode, TimeSpan? retryAfter = null, string? code = null) =>
        FailNext(new OutlookGraphException(statusCode, code, $"Graph answered {statusCode}.", retryAfter));

    /// <summary>The next call is carried out, but its answer is lost on the way back (504).</summary>
    public void LoseNextAnswer() => _lostAnswers++;

    /// <summary>Adds or changes an event in a calendar's log, as a user would in Outlook.</summary>
    public void Put(string calendarId, OutlookEvent item) => Log(calendarId).Add((++_version, item));

    public void Remove(string calendarId, string eventId) => Log(calendarId).Add((++_version, new OutlookEvent(eventId, Removed: true)));

    /// <summary>Every delta link handed out so far answers 410 from now on.</summary>
    public void ExpireDeltaLinks() => _expiredBelow = ++_version;

    public Task<OutlookAccount> GetAccountAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken) =>
        CallAsync("me", token, () => new OutlookAccount("account-1", "adele@contoso.test", "Adele"), cancellationToken);

    public Task<IReadOnlyList<OutlookCalendar>> ListCalendarsAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken) =>
        CallAsync("calendars", token, () => Calendars, cancellationToken);

    public Task<OutlookDeltaPage> GetCalendarViewDeltaAsync(
        string mailboxKey, AccessTokenSource token, string calendarId, string? link, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        CallAsync($"delta {calendarId} {link ?? "start"}", token, () => Page(calendarId, link), cancellationToken);

    public Task<OutlookEvent?> GetEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken) =>
        CallAsync($"get {eventId}", token, () => Current(eventId), cancellationToken);

    public Task<string> CreateEventAsync(string mailboxKey, AccessTokenSource token, string calendarId, OutlookEventDraft draft, CancellationToken cancellationToken) =>
        CallAsync($"create {calendarId} {draft.TransactionId}", token, () =>
        {
            var existing = _created.FirstOrDefault(c => c.Value.Draft.TransactionId == draft.TransactionId && draft.TransactionId is not null);
            if (existing.Key is not null)
            {
                return existing.Key;
            }

            var id = $"event-{++_ids}";
            _created[id] = (calendarId, draft);
            return id;
        },
        cancellationToken);

    public Task<bool> UpdateEventAsync(string mailboxKey, AccessTokenSource token, string eventId, OutlookEventDraft draft, CancellationToken cancellationToken) =>
        CallAsync($"update {eventId}", token, () =>
        {
            if (!_created.TryGetValue(eventId, out var copy))
            {
                return false;
            }

            _created[eventId] = (copy.CalendarId, draft with { TransactionId = copy.Draft.TransactionId });
            return true;
        },
        cancellationToken);

    public Task DeleteEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken) =>
        CallAsync($"delete {eventId}", token, () => _created.Remove(eventId), cancellationToken);

    /// <summary>Deletes one of our copies as a user would in Outlook.</summary>
    public void DeleteCopy(string eventId) => _created.Remove(eventId);

    public Task<OutlookSubscription> CreateSubscriptionAsync(string mailboxKey, AccessTokenSource token, OutlookSubscriptionRequest request, CancellationToken cancellationToken) =>
        CallAsync($"subscribe {request.CalendarId}", token, () =>
        {
            var id = $"subscription-{++_ids}";
            _subscriptions[id] = request.ExpiresAt;
            return new OutlookSubscription(id, request.ExpiresAt);
        },
        cancellationToken);

    public Task<OutlookSubscription?> RenewSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        CallAsync($"renew {subscriptionId}", token, () =>
        {
            if (!_subscriptions.ContainsKey(subscriptionId))
            {
                return null;
            }

            _subscriptions[subscriptionId] = expiresAt;
            return (OutlookSubscription?)new OutlookSubscription(subscriptionId, expiresAt);
        },
        cancellationToken);

    public Task DeleteSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, CancellationToken cancellationToken) =>
        CallAsync($"unsubscribe {subscriptionId}", token, () => _subscriptions.Remove(subscriptionId), cancellationToken);

    /// <summary>Graph forgets a subscription (it expired or was removed on its side).</summary>
    public void LoseSubscription(string subscriptionId) => _subscriptions.Remove(subscriptionId);

    private async Task<T> CallAsync<T>(string call, AccessTokenSource token, Func<T> answer, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        OnCall?.Invoke();
        var accessToken = await token(cancellationToken);
        Tokens.Add(accessToken);
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException e)
            {
                throw new OutlookGraphException(null, null, "Graph did not answer in time.", null, e);
            }
        }

        if (_failures.TryDequeue(out var failure) && failure() is { } exception)
        {
            throw exception;
        }

        if (RejectedTokens.Contains(accessToken))
        {
            throw new OutlookGraphException(401, "InvalidAuthenticationToken", "Graph answered 401.");
        }

        var result = answer();
        if (_lostAnswers > 0)
        {
            _lostAnswers--;
            throw new OutlookGraphException(504, "gatewayTimeout", "Graph answered 504.");
        }

        return result;
    }

    private List<(int Version, OutlookEvent Item)> Log(string calendarId) =>
        _logs.TryGetValue(calendarId, out var log) ? log : _logs[calendarId] = [];

    private OutlookEvent? Current(string eventId) =>
        _logs.Values.SelectMany(l => l).Where(e => e.Item.Id == eventId).Select(e => e.Item).LastOrDefault() is { Removed: false } item ? item : null;

    private OutlookDeltaPage Page(string calendarId, string? link)
    {
        List<OutlookEvent> items;
        if (link is not null && _pages.Remove(link, out var rest))
        {
            (items, var version) = (rest.Remaining, rest.Version);
            return Slice(calendarId, items, version);
        }

        var since = 0;
        if (link is not null)
        {
            since = int.Parse(link.Split(' ')[1], CultureInfo.InvariantCulture);
            if (since < _expiredBelow)
            {
                throw new OutlookGraphException(410, "syncStateNotFound", "Graph answered 410.");
            }
        }

        var changed = Log(calendarId).Where(e => e.Version > since).GroupBy(e => e.Item.Id).Select(g => g.Last().Item);
        items = [.. link is null ? changed.Where(e => !e.Removed) : changed];
        return Slice(calendarId, items, _version);
    }

    private OutlookDeltaPage Slice(string calendarId, List<OutlookEvent> items, int version)
    {
        if (items.Count <= PageSize)
        {
            return new OutlookDeltaPage(items, null, $"deltaLink {version}");
        }

        var next = $"nextLink {++_ids}";
        _pages[next] = (calendarId, items[PageSize..], version);
        return new OutlookDeltaPage(items[..PageSize], next, null);
    }
}
