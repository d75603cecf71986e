using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// One turn's access to the mailbox: every request carries a fresh token, the mailbox key (for the concurrency
/// limit) and the turn's deadline. A 401 refreshes and tries once more; a second one means reconnect. When Graph
/// says when to come back (Retry-After), <see cref="NotBefore"/> remembers it from the moment the answer arrived;
/// an interactive turn waits that long and tries again if its budget allows, a background turn leaves it to the
/// integration's timer.
/// </summary>
internal sealed class GraphSession(
    IOutlookGraph graph, TokenSession tokens, Func<OutlookIntegrationState> state, string mailboxKey, GraphTurn turn, TimeProvider clock, bool waitOutThrottling)
{
    /// <summary>The integration's state as it is now (a write that failed may have replaced it from storage).</summary>
    public OutlookIntegrationState State => state();

    /// <summary>Whether a request may still be started in this turn: budget left, and Graph did not ask to wait.</summary>
    public bool CanCall => !turn.IsSpent && !(NotBefore > clock.GetUtcNow());

    /// <summary>The latest instant Graph asked not to be called before, if it asked.</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    /// <summary>The next request refreshes the access token first (Graph asked for reauthorization).</summary>
    public void RefreshFirst() => tokens.Expire(State);

    public Task<IReadOnlyList<OutlookCalendar>> ListCalendarsAsync() =>
        CallAsync((token, ct) => graph.ListCalendarsAsync(mailboxKey, token, ct));

    public Task<OutlookDeltaPage> DeltaPageAsync(string calendarId, string? link, DateTimeOffset start, DateTimeOffset end) =>
        CallAsync((token, ct) => graph.GetCalendarViewDeltaAsync(mailboxKey, token, calendarId, link, start, end, ct));

    public Task<OutlookEvent?> GetEventAsync(string eventId) =>
        CallAsync((token, ct) => graph.GetEventAsync(mailboxKey, token, eventId, ct));

    public Task<string> CreateEventAsync(string calendarId, OutlookEventDraft draft) =>
        CallAsync((token, ct) => graph.CreateEventAsync(mailboxKey, token, calendarId, draft, ct));

    public Task<bool> UpdateEventAsync(string eventId, OutlookEventDraft draft) =>
        CallAsync((token, ct) => graph.UpdateEventAsync(mailboxKey, token, eventId, draft, ct));

    public Task DeleteEventAsync(string eventId) =>
        CallAsync(async (token, ct) =>
        {
            await graph.DeleteEventAsync(mailboxKey, token, eventId, ct);
            return true;
        });

    public Task<OutlookSubscription> CreateSubscriptionAsync(OutlookSubscriptionRequest request) =>
        CallAsync((token, ct) => graph.CreateSubscriptionAsync(mailboxKey, token, request, ct));

    public Task<OutlookSubscription?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt) =>
        CallAsync((token, ct) => graph.RenewSubscriptionAsync(mailboxKey, token, subscriptionId, expiresAt, ct));

    public Task DeleteSubscriptionAsync(string subscriptionId) =>
        CallAsync(async (token, ct) =>
        {
            await graph.DeleteSubscriptionAsync(mailboxKey, token, subscriptionId, ct);
            return true;
        });

    private async Task<T> CallAsync<T>(Func<AccessTokenSource, CancellationToken, Task<T>> call)
    {
        if (State.Status != ConnectionStatus.Connected)
        {
            throw TokenSession.NeedsReconnectError(State);
        }

        for (var refreshed = false; ;)
        {
            try
            {
                return await call(_ => tokens.AccessTokenAsync(State, turn.Token), turn.Token);
            }
            catch (OutlookGraphException e) when (e.IsUnauthorized && !refreshed)
            {
                // The access token died early (revoked sessions, policy): refresh and try once more.
                tokens.Expire(State);
                refreshed = true;
            }
            catch (OutlookGraphException e) when (e.IsUnauthorized)
            {
                throw tokens.NeedsReconnect(State, "Outlook refused a freshly refreshed access token (401).");
            }
            catch (OutlookGraphException e) when (e.RetryAfter is { } wait)
            {
                // Counted from now, after the answer arrived: never sooner than Graph said, whatever clocks do.
                var notBefore = clock.GetUtcNow() + wait;
                NotBefore = NotBefore > notBefore ? NotBefore : notBefore;
                if (!waitOutThrottling || notBefore >= turn.Deadline)
                {
                    throw;
                }

                await turn.DelayUntilAsync(notBefore);
            }
        }
    }
}
