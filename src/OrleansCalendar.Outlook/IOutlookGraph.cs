namespace OrleansCalendar.Outlook;

/// <summary>
/// The Graph calls the product makes, and nothing else. The mailbox key identifies the mailbox for
/// concurrency limiting (at most <see cref="OutlookOptions.MaxConcurrentRequestsPerMailbox"/> at once).
/// Each call is made once, within <see cref="OutlookOptions.RequestTimeout"/> per request and the caller's
/// cancellation; failures surface as <see cref="OutlookGraphException"/> (with Graph's Retry-After when it gave one),
/// and the caller decides when to try again.
/// </summary>
public interface IOutlookGraph
{
    Task<OutlookAccount> GetAccountAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken);

    /// <summary>Every calendar of the account, following all pages.</summary>
    Task<IReadOnlyList<OutlookCalendar>> ListCalendarsAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken);

    /// <summary>
    /// One page of <c>calendarView/delta</c> for the calendar: the first page of a round over [start, end) when
    /// <paramref name="link"/> is null, else the page behind a nextLink or deltaLink. An expired link fails with 410.
    /// </summary>
    Task<OutlookDeltaPage> GetCalendarViewDeltaAsync(
        string mailboxKey, AccessTokenSource token, string calendarId, string? link, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>One event with our tag expanded, or null when it no longer exists.</summary>
    Task<OutlookEvent?> GetEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken);

    /// <summary>Creates the event in the calendar and returns its id; a repeated transaction id returns the first event.</summary>
    Task<string> CreateEventAsync(string mailboxKey, AccessTokenSource token, string calendarId, OutlookEventDraft draft, CancellationToken cancellationToken);

    /// <summary>Updates subject, body, times and showAs; false when the event no longer exists.</summary>
    Task<bool> UpdateEventAsync(string mailboxKey, AccessTokenSource token, string eventId, OutlookEventDraft draft, CancellationToken cancellationToken);

    /// <summary>Deletes the event; an event that is already gone counts as deleted.</summary>
    Task DeleteEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken);

    /// <summary>Subscribes to the events of a calendar; fails when Graph could not validate the notification URL.</summary>
    Task<OutlookSubscription> CreateSubscriptionAsync(string mailboxKey, AccessTokenSource token, OutlookSubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Moves a subscription's expiry; null when Graph no longer knows the subscription (it must be created again).</summary>
    Task<OutlookSubscription?> RenewSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes a subscription; one that is already gone counts as deleted.</summary>
    Task DeleteSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, CancellationToken cancellationToken);
}
