using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The lifecycle of a connection in its state. Connecting fills it in; removing it first marks it gone (the
/// connection answers 404 from then on) while keeping what still has to be undone elsewhere: the busy time published
/// to availability, the Graph subscriptions with the tokens to delete them, the pushes still owed (to be reported
/// failed) and the account's registry claim. Only once all of that is undone is the state emptied.
/// </summary>
internal static class ConnectionRecord
{
    /// <summary>
    /// The connection as a fresh grant makes it. The same account keeps its calendar choice (a reconnect), except
    /// the linked calendar when the new grant is read-only; another account starts from the defaults.
    /// </summary>
    public static void Connect(OutlookIntegrationState state, OutlookAccount account, TokenGrant grant, TokenSession tokens, DateTimeOffset now)
    {
        var sameAccount = state.Exists && state.AccountId == account.Id;
        state.Exists = true;
        state.Status = ConnectionStatus.Connected;
        state.AccountId = account.Id;
        state.Email = account.Email;
        state.DisplayName = account.DisplayName;
        state.Access = grant.GrantedAccess == OutlookAccess.ReadWrite ? OutlookAccessLevel.ReadWrite : OutlookAccessLevel.Read;
        tokens.Store(state, grant);
        state.LastError = null;
        state.ConnectedAt = now;
        if (!sameAccount)
        {
            // Another mailbox has other calendars: the old choice means nothing there.
            state.LinkedCalendarId = null;
            state.ConflictCalendarIds = [];
            state.Preferences = SyncPreferences.Default;
        }
        else if (state.Access == OutlookAccessLevel.Read)
        {
            // A reconnect with less access cannot keep pushing.
            state.LinkedCalendarId = null;
        }
    }

    /// <summary>Marks the connection gone; what it left elsewhere stays recorded until it is undone.</summary>
    public static void Remove(OutlookIntegrationState state)
    {
        state.Exists = false;
        state.LinkedCalendarId = null;
        state.ConflictCalendarIds = [];
    }

    /// <summary>Whether a removed connection still has something to undo before its state can be emptied.</summary>
    public static bool HasLeftovers(OutlookIntegrationState state) =>
        !state.Exists && (state.Calendars.Count > 0 || state.Subscriptions.Count > 0 || state.Pushes.Count > 0 || state.AccountId.Length > 0);

    /// <summary>The account this state holds: its connected account, none for a removed connection.</summary>
    public static string? HeldAccount(OutlookIntegrationState state) => state.Exists && state.AccountId.Length > 0 ? state.AccountId : null;
}
