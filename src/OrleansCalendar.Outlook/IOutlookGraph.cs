namespace OrleansCalendar.Outlook;

/// <summary>
/// The Graph calls the product makes, and nothing else. The mailbox key identifies the mailbox for
/// concurrency limiting (at most <see cref="OutlookOptions.MaxConcurrentRequestsPerMailbox"/> at once).
/// Failures surface as <see cref="OutlookGraphException"/> after throttling and transient faults were retried.
/// </summary>
public interface IOutlookGraph
{
    Task<OutlookAccount> GetAccountAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken);

    /// <summary>Every calendar of the account, following all pages.</summary>
    Task<IReadOnlyList<OutlookCalendar>> ListCalendarsAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken);
}
