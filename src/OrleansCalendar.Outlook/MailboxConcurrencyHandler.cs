namespace OrleansCalendar.Outlook;

/// <summary>
/// Holds a mailbox slot for one HTTP attempt. It sits inside the retry handler, so a request waiting out a
/// Retry-After does not hold a slot, and every attempt of a retried request counts once.
/// </summary>
public sealed class MailboxConcurrencyHandler(MailboxConcurrencyLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await limiter.AcquireAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
