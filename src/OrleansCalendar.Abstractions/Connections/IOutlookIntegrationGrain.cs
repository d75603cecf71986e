using Orleans.CodeGeneration;
using Orleans.Concurrency;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// A user's Outlook integration in one sub-account, keyed <c>{subAccountId}/{userId}</c>: connection status,
/// account, granted access, encrypted tokens, calendar choice and sync preferences.
/// </summary>
/// <remarks>
/// Version 1 answers <see cref="HoldsAccountAsync"/> and stores a removed connection until what it left elsewhere is
/// undone; a grain of this version is kept off silos of the previous release, which would read such a state as empty.
/// </remarks>
[Version(1)]
public interface IOutlookIntegrationGrain : IEventSourceGrain
{
    /// <summary>Starts the OAuth flow; <c>integration-exists</c> when already connected (a needsReconnect one may reconnect).</summary>
    Task<ConnectStart> BeginConnectAsync(OutlookAccessLevel access, Uri redirectUri, Uri? returnUrl);

    /// <summary>Redeems the code of a taken authorization; <c>account-in-use</c> when the account is connected elsewhere.</summary>
    Task<OutlookConnectionDetails> CompleteConnectAsync(string code, PendingAuthorization authorization);

    /// <summary>The connection, or null when there is none.</summary>
    [AlwaysInterleave]
    Task<OutlookConnectionDetails?> GetAsync();

    /// <summary>The account's calendars, live from Outlook (all pages).</summary>
    Task<IReadOnlyList<OutlookCalendarInfo>> ListCalendarsAsync();

    /// <summary>Validates the choice against the live calendars and stores it.</summary>
    Task<OutlookConnectionDetails> ConfigureAsync(OutlookConfiguration configuration);

    /// <summary>Forgets tokens and configuration and frees the Outlook account for another connection.</summary>
    Task DisconnectAsync();

    /// <summary>Schedules a sync of every conflict calendar now and returns at once; <c>needs-reconnect</c> when it cannot run.</summary>
    [AlwaysInterleave]
    Task RequestSyncAsync();

    /// <summary>
    /// Whether this integration holds the Outlook account: stored as its connected account, or being connected right
    /// now. The account registry asks before it passes a claim on. Interleaves, so it answers while a connect waits
    /// on the registry.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> HoldsAccountAsync(string accountId);

    /// <summary>Activates the integration so its timers and reminder run (after a restart).</summary>
    Task WakeAsync();

    /// <summary>Whether a new appointment of this user would be pushed to Outlook (a linked calendar with write access).</summary>
    [AlwaysInterleave]
    Task<bool> WillPushAsync();

    /// <summary>
    /// Records how an appointment should look in the linked calendar and pushes it in the background, retrying with
    /// backoff until it lands. One-way: booking never waits on Outlook.
    /// </summary>
    [OneWay]
    Task EnqueuePushAsync(AppointmentPush push);

    /// <summary>A move or delete made in Outlook (two-way sync) was refused by the appointment: keep it visible as failed.</summary>
    [OneWay]
    Task RefuseOutlookChangeAsync(string appointmentId, string reason);

    /// <summary>
    /// A verified change notification for a watched calendar. Notifications within a short window are coalesced
    /// into one incremental (delta) run of that calendar.
    /// </summary>
    [OneWay]
    Task NotifyChangedAsync(string calendarId, string subscriptionId);

    /// <summary>A verified lifecycle event: renew, recreate, or catch up through an incremental sync.</summary>
    [OneWay]
    Task HandleLifecycleAsync(string calendarId, string subscriptionId, string lifecycleEvent);
}
