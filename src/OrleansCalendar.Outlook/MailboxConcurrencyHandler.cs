namespace OrleansCalendar.Outlook;

/// <summary>
/// Holds a mailbox slot for one HTTP request. A request that is tried again later (after Retry-After) is a new
/// request and waits for a slot of its own; nothing holds a slot while it waits.
/// </summary>
public sealed class MailboxConcurrencyHandler(MailboxConcurrencyLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await limiter.AcquireAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
