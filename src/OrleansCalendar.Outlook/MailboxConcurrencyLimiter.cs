using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrleansCalendar.Outlook;

/// <summary>
/// At most <see cref="OutlookOptions.MaxConcurrentRequestsPerMailbox"/> Graph requests in flight per mailbox in this
/// process. One integration grain owns each mailbox cluster-wide, so a per-process limit is a per-mailbox limit.
/// </summary>
public sealed class MailboxConcurrencyLimiter(IOptions<OutlookOptions> options)
{
    private static readonly AsyncLocal<string?> CurrentMailbox = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Tags the Graph calls made inside <paramref name="call"/> with the mailbox they count against.</summary>
    public static async Task<T> ForMailboxAsync<T>(string mailboxKey, Func<Task<T>> call)
    {
        var previous = CurrentMailbox.Value;
        CurrentMailbox.Value = mailboxKey;
        try
        {
            return await call();
        }
        finally
        {
            CurrentMailbox.Value = previous;
        }
    }

    /// <summary>Waits for a slot of the current mailbox (none when the call is not tagged) and returns its release.</summary>
    public async Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken)
    {
        if (CurrentMailbox.Value is not { } mailbox)
        {
            return null;
        }

        var gate = _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentRequestsPerMailbox)));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
