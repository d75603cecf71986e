using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// A connection's lifecycle, step by step within one turn's Graph budget: listing the account's calendars, connecting
/// (the account claimed first), configuring, and removing the connection (marked removed first, then what it left
/// elsewhere undone, then the state emptied). Each step stores its outcome before other grains hear of it; a connect
/// and a disconnect store their event with it (numbered in the state by <see cref="ConnectionEvents"/>).
/// </summary>
internal sealed class ConnectionSteps(
    GraphSession session,
    Func<CalendarEvent?, Task<WriteAttempt>> tryPersist,
    Func<string, CalendarEvent> newEvent,
    Func<Task> clear,
    SyncSteps sync,
    IntegrationPeers peers,
    AccountHold hold,
    TokenSession tokens,
    CalendarPuller puller,
    PushEngine pushes,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>What appointments still owed a push are told when the connection goes.</summary>
    public const string Disconnected = "Outlook was disconnected.";

    private OutlookIntegrationState S => session.State;

    /// <summary>The account's calendars, live; refreshed tokens (or a grant found dead) are stored whatever Graph answered.</summary>
    public async Task<IReadOnlyList<OutlookCalendarInfo>> LiveCalendarsAsync()
    {
        IReadOnlyList<OutlookCalendar> calendars;
        try
        {
            calendars = await ConnectFlow.ForRequestAsync(session.ListCalendarsAsync);
        }
        finally
        {
            if (tokens.TakeChanged())
            {
                await PersistAsync();
            }
        }

        return [.. calendars.Select(c => new OutlookCalendarInfo(c.Id, c.Name, c.CanEdit, c.IsDefault, c.Color, c.OwnerAddress ?? c.OwnerName))];
    }

    /// <summary>Checks the choice against the live calendars and stores it; busy time of calendars that no longer block goes after.</summary>
    public async Task ConfigureAsync(OutlookConfiguration configuration)
    {
        CalendarChoice.Validate(configuration, await LiveCalendarsAsync(), S.Access);
        if (CalendarChoice.Apply(S, configuration))
        {
            puller.Reset();
        }

        await PersistAsync();
        await UnpublishStaleCalendarsAsync();
    }

    /// <summary>
    /// Stores a fresh grant for <paramref name="account"/>, which is claimed first: an Outlook account belongs to at
    /// most one integration. Another mailbox replacing this one is removed first, with its own tokens. A connect that
    /// fails gives the claim back unless storage holds the account after all.
    /// </summary>
    public async Task ConnectAsync(OutlookAccount account, TokenGrant grant)
    {
        // A removal that did not get to the end finishes first: the new connection starts from a clean state.
        await UndoLeftoversAsync(Disconnected);
        hold.Connecting = account.Id;
        try
        {
            if (!await peers.ClaimAsync(account.Id))
            {
                throw CalendarException.Conflict(ErrorCodes.AccountInUse, "This Outlook account is already connected to another user or sub-account.");
            }

            if (S.Exists && S.AccountId != account.Id)
            {
                await RemoveAsync("The Outlook account was replaced by another one.", announce: false);
            }

            ConnectionRecord.Connect(S, account, grant, tokens, clock.GetUtcNow());
            await PersistAsync(newEvent(EventTypes.ConnectionConnected));
        }
        catch when (hold.Stored != account.Id)
        {
            await peers.ReleaseQuietlyAsync(account.Id, logger);
            throw;
        }
        finally
        {
            hold.Connecting = null;
        }
    }

    /// <summary>
    /// Marks the connection removed (stored first: from then on it is gone), then undoes what it left elsewhere. A
    /// disconnect <paramref name="announce"/>s it; another account replacing this one is announced as connected.
    /// </summary>
    public async Task RemoveAsync(string reason, bool announce)
    {
        var gone = announce ? newEvent(EventTypes.ConnectionDisconnected) : null;
        ConnectionRecord.Remove(S);
        puller.Reset();
        await PersistAsync(gone);
        await UndoLeftoversAsync(reason);
    }

    /// <summary>
    /// Undoes what a removed connection left: subscriptions, busy time, owed pushes (reported failed once the state is
    /// emptied) and the account claim; then empties the state. Every step may be done again, so a retry repeats them.
    /// </summary>
    public async Task UndoLeftoversAsync(string reason)
    {
        if (!ConnectionRecord.HasLeftovers(S))
        {
            return;
        }

        foreach (var calendarId in S.Subscriptions.Keys.ToList())
        {
            await sync.DropSubscriptionAsync(calendarId);
        }

        await UnpublishStaleCalendarsAsync(persist: false);
        var reports = pushes.Forget(S, reason);
        if (S.AccountId.Length > 0)
        {
            await peers.ReleaseAsync(S.AccountId);
            S.AccountId = "";
        }

        await clear();
        peers.Report(reports);
    }

    /// <summary>Takes back the busy time of calendars that no longer block, and forgets calendars no longer watched.</summary>
    public async Task UnpublishStaleCalendarsAsync(bool persist = true)
    {
        if (!CalendarChoice.HasStaleCalendars(S))
        {
            return;
        }

        var stale = CalendarChoice.ToUnpublish(S);
        foreach (var calendarId in stale)
        {
            await peers.PublishAsync(calendarId, []);
        }

        CalendarChoice.Unpublished(S, stale);
        if (persist)
        {
            await PersistAsync();
        }
    }

    private async Task PersistAsync(CalendarEvent? @event = null) => (await tryPersist(@event)).ThrowIfNotStored();
}
