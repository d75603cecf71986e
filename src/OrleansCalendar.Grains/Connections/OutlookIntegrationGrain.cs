using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

public sealed partial class OutlookIntegrationGrain(
    [PersistentState("outlook-integration", StorageNames.Default)] IPersistentState<OutlookIntegrationState> state,
    IOutlookIdentity identity,
    IOutlookGraph graph,
    IOptions<OutlookOptions> options,
    IOptions<SyncOptions> syncOptions,
    IOptions<WebhookOptions> webhookOptions,
    ISecretProtector secrets,
    TimeProvider clock,
    ILogger<OutlookIntegrationGrain> logger) : Grain, IOutlookIntegrationGrain, IRemindable
{
    private const string ReminderName = "outlook-sync";

    /// <summary>Refresh this long before expiry, so a request never carries a token about to die.</summary>
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private string Key => this.GetPrimaryKeyString();

    private OutlookIntegrationState S => state.State;

    private SyncOptions Sync => syncOptions.Value;

    private WebhookOptions Hooks => webhookOptions.Value;

    private IGrainTimer? _tick;
    private DateTimeOffset _lastPollAt;
    private DateTimeOffset _quietUntil;
    private bool _syncRequested;
    private bool _ticking;
    private bool _syncRunning;

    // [events] Records this connection's events with its state writes.
    private EventRecorder? _recorder;

    private EventRecorder Recorder => _recorder ??= new EventRecorder(GrainFactory, GrainKeys.Split(Key).SubAccountId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Exists)
        {
            // The next poll is one period after the last sync, not at once: a silo restart or a failover then does
            // not send every integration it wakes to Graph in the same second.
            _lastPollAt = S.LastSyncAt ?? DateTimeOffset.MinValue;
            foreach (var record in S.Calendars.Values)
            {
                record.CompactAfterRead();
            }

            await KeepSyncingAsync();
        }
    }

    public async Task<ConnectStart> BeginConnectAsync(OutlookAccessLevel access, Uri redirectUri, Uri? returnUrl)
    {
        if (S.Exists && S.Status == ConnectionStatus.Connected)
        {
            throw CalendarException.Conflict(ErrorCodes.IntegrationExists, "This user already has a connected Outlook integration in this sub-account.");
        }

        var (subAccountId, userId) = GrainKeys.Split(Key);
        var (verifier, challenge) = Pkce.Create();
        var stateValue = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var expiresAt = clock.GetUtcNow() + options.Value.AuthorizationLifetime;
        await GrainFactory.GetGrain<IOAuthStateGrain>(stateValue).StoreAsync(
            new PendingAuthorization(subAccountId, userId, access, redirectUri, returnUrl, secrets.Protect(verifier), expiresAt));

        var url = identity.AuthorizationUrl(new AuthorizationRequest(stateValue, challenge, redirectUri, ToOutlook(access), S.Exists ? S.Email : null));
        return new ConnectStart(url, expiresAt);
    }

    public async Task<OutlookConnectionDetails> CompleteConnectAsync(string code, PendingAuthorization authorization)
    {
        var grant = await RedeemAsync(code, authorization);
        var account = await graph.GetAccountAsync(Key, _ => Task.FromResult(grant.AccessToken), CancellationToken.None);

        // The one rule that spans sub-accounts: an Outlook account belongs to at most one integration.
        if (!await Registry(account.Id).TryClaimAsync(Key))
        {
            throw CalendarException.Conflict(ErrorCodes.AccountInUse, "This Outlook account is already connected to another user or sub-account.");
        }

        var previousAccount = S.Exists ? S.AccountId : null;
        var sameAccount = previousAccount == account.Id;
        if (previousAccount is not null && !sameAccount)
        {
            await Registry(previousAccount).ReleaseAsync(Key);
            await ForgetSyncAsync("The Outlook account was replaced by another one.");
        }

        var now = clock.GetUtcNow();
        S.Exists = true;
        S.Status = ConnectionStatus.Connected;
        S.AccountId = account.Id;
        S.Email = account.Email;
        S.DisplayName = account.DisplayName;
        S.Access = grant.GrantedAccess == OutlookAccess.ReadWrite ? OutlookAccessLevel.ReadWrite : OutlookAccessLevel.Read;
        StoreTokens(grant);
        S.LastError = null;
        S.ConnectedAt = now;
        if (!sameAccount)
        {
            // Another mailbox has other calendars: the old choice means nothing there.
            S.LinkedCalendarId = null;
            S.ConflictCalendarIds = [];
            S.Preferences = SyncPreferences.Default;
        }
        else if (S.Access == OutlookAccessLevel.Read)
        {
            // A reconnect with less access cannot keep pushing.
            S.LinkedCalendarId = null;
        }

        S.EventSequence++; // [events]
        (await Recorder.WriteAsync(Event(EventTypes.ConnectionConnected), state, this)).ThrowIfNotStored(); // [events]
        logger.LogDebug("Outlook connected for {Integration} with {Access} access", Key, S.Access);
        _syncRequested = true;
        await KeepSyncingAsync();
        return Details();
    }

    public Task<OutlookConnectionDetails?> GetAsync() => Task.FromResult(S.Exists ? Details() : null);

    public async Task<IReadOnlyList<OutlookCalendarInfo>> ListCalendarsAsync()
    {
        var calendars = await CallGraphAsync(token => graph.ListCalendarsAsync(S.AccountId, token, CancellationToken.None));
        return calendars.Select(c => new OutlookCalendarInfo(c.Id, c.Name, c.CanEdit, c.IsDefault, c.Color, c.OwnerAddress ?? c.OwnerName)).ToList();
    }

    public async Task<OutlookConnectionDetails> ConfigureAsync(OutlookConfiguration configuration)
    {
        var calendars = (await ListCalendarsAsync()).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var unknown = configuration.ConflictCalendarIds.Append(configuration.LinkedCalendarId)
            .Where(id => id is not null && !calendars.ContainsKey(id))
            .ToList();
        if (unknown.Count > 0)
        {
            throw CalendarException.Unprocessable(ErrorCodes.UnknownCalendar, $"Not a calendar of this Outlook account: {string.Join(", ", unknown)}.");
        }

        if (configuration.LinkedCalendarId is { } linked && (S.Access == OutlookAccessLevel.Read || !calendars[linked].CanEdit))
        {
            throw CalendarException.Unprocessable(ErrorCodes.LinkedCalendarReadOnly, S.Access == OutlookAccessLevel.Read
                ? "This connection has read-only access: reconnect with readWrite access to push appointments."
                : $"Outlook calendar '{calendars[linked].Name}' is read-only for this account.");
        }

        var conflicts = configuration.ConflictCalendarIds.Distinct(StringComparer.Ordinal).ToList();
        if (configuration.LinkedCalendarId is { } linkedId && configuration.SyncPreferences.LinkedCalendarIsConflict && !conflicts.Contains(linkedId))
        {
            conflicts.Insert(0, linkedId);
        }

        var preferencesChanged = S.Preferences.Direction != configuration.SyncPreferences.Direction
            || S.Preferences.ImportEventDetails != configuration.SyncPreferences.ImportEventDetails
            || !S.Preferences.BlockingShowAs.Order(StringComparer.Ordinal).SequenceEqual(configuration.SyncPreferences.BlockingShowAs.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        S.LinkedCalendarId = configuration.LinkedCalendarId;
        S.ConflictCalendarIds = conflicts;
        S.Preferences = configuration.SyncPreferences;
        await ApplyCalendarChoiceAsync(preferencesChanged);
        await state.WriteStateAsync();
        RequestSyncNow();
        return Details();
    }

    public async Task DisconnectAsync()
    {
        if (!S.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        }

        await Registry(S.AccountId).ReleaseAsync(Key);
        await ForgetSyncAsync("Outlook was disconnected.");

        // [events] Written empty rather than cleared: the event sequence outlives the connection.
        var disconnected = CalendarEvent.ForConnection(EventTypes.ConnectionDisconnected, GrainKeys.Split(Key).SubAccountId, GrainKeys.Split(Key).Id,
            Details() with { Status = ConnectionStatus.Disconnected }, S.EventSequence + 1, clock.GetUtcNow());
        state.State = new OutlookIntegrationState { EventSequence = disconnected.Sequence };
        (await Recorder.WriteAsync(disconnected, state, this)).ThrowIfNotStored();
        await StopSyncingAsync();
        logger.LogDebug("Outlook disconnected for {Integration}", Key);
    }

    private async Task<TokenGrant> RedeemAsync(string code, PendingAuthorization authorization)
    {
        try
        {
            return await identity.RedeemCodeAsync(code, secrets.Unprotect(authorization.ProtectedCodeVerifier), authorization.RedirectUri, CancellationToken.None);
        }
        catch (OutlookAuthException e)
        {
            throw e.Failure == OutlookAuthFailure.Unavailable
                ? new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable, "Microsoft did not answer; try connecting again.")
                : CalendarException.Invalid(ErrorCodes.OutlookRejected, "Microsoft refused the authorization: " + e.Message);
        }
    }

    /// <summary>A Graph call for an API request: Graph failures become <c>outlook-unavailable</c> (503).</summary>
    private async Task<T> CallGraphAsync<T>(Func<AccessTokenSource, Task<T>> call)
    {
        try
        {
            return await CallGraphRawAsync(call);
        }
        catch (OutlookGraphException e)
        {
            throw new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable,
                $"Outlook did not answer ({e.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"}{(e.ErrorCode is null ? "" : " " + e.ErrorCode)}); try again later.");
        }
    }

    /// <summary>
    /// Runs a Graph call with a fresh token. A 401 means the access token died early (revoked sessions, policy):
    /// refresh and try once more; only a dead refresh token, or a second 401, marks the connection for reconnect.
    /// Other Graph failures surface as <see cref="OutlookGraphException"/>.
    /// </summary>
    private async Task<T> CallGraphRawAsync<T>(Func<AccessTokenSource, Task<T>> call)
    {
        EnsureConnected();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(_ => GetAccessTokenAsync());
            }
            catch (OutlookGraphException e) when (e.IsUnauthorized && attempt == 1)
            {
                S.AccessTokenExpiresAt = clock.GetUtcNow();
            }
            catch (OutlookGraphException e) when (e.IsUnauthorized)
            {
                await MarkNeedsReconnectAsync("Outlook refused a freshly refreshed access token (401).");
                throw NeedsReconnect();
            }
        }
    }

    /// <summary>
    /// A valid access token, refreshed ahead of expiry. Grain calls run one at a time, so there is never more than
    /// one refresh in flight for an integration, and the rotated refresh token is always the one stored.
    /// </summary>
    private async Task<string> GetAccessTokenAsync()
    {
        string refreshToken;
        try
        {
            if (S.AccessTokenExpiresAt > clock.GetUtcNow() + RefreshAhead)
            {
                return secrets.Unprotect(S.ProtectedAccessToken);
            }

            refreshToken = secrets.Unprotect(S.ProtectedRefreshToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring that encrypted them is gone (a lost data directory or table): only a reconnect helps.
            await MarkNeedsReconnectAsync("The stored Outlook tokens cannot be decrypted with the current key ring.");
            throw NeedsReconnect();
        }

        TokenGrant grant;
        try
        {
            grant = await identity.RefreshAsync(refreshToken, CancellationToken.None);
        }
        catch (OutlookAuthException e) when (e.Failure == OutlookAuthFailure.ReconnectRequired)
        {
            await MarkNeedsReconnectAsync(e.Message);
            throw NeedsReconnect();
        }
        catch (OutlookAuthException e)
        {
            S.LastError = "Refreshing the Outlook token failed: " + e.Message;
            await state.WriteStateAsync();
            throw new CalendarException(ErrorKind.Unavailable, ErrorCodes.OutlookUnavailable, S.LastError);
        }

        StoreTokens(grant);
        await state.WriteStateAsync();
        return grant.AccessToken;
    }

    private void StoreTokens(TokenGrant grant)
    {
        S.ProtectedAccessToken = secrets.Protect(grant.AccessToken);
        if (!string.IsNullOrEmpty(grant.RefreshToken))
        {
            S.ProtectedRefreshToken = secrets.Protect(grant.RefreshToken);
        }

        S.AccessTokenExpiresAt = grant.ExpiresAt;
    }

    private async Task MarkNeedsReconnectAsync(string reason)
    {
        var newly = S.Status != ConnectionStatus.NeedsReconnect; // [events]
        S.Status = ConnectionStatus.NeedsReconnect;
        S.LastError = reason;
        S.ProtectedAccessToken = "";
        S.AccessTokenExpiresAt = default;
        S.EventSequence += newly ? 1 : 0; // [events]
        (await Recorder.WriteAsync(newly ? Event(EventTypes.ConnectionNeedsReconnect) : null, state, this)).ThrowIfNotStored(); // [events]
        logger.LogWarning("Outlook connection {Integration} needs a reconnect: {Reason}", Key, reason);
    }

    private void EnsureConnected()
    {
        if (!S.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        }

        if (S.Status != ConnectionStatus.Connected)
        {
            throw NeedsReconnect();
        }
    }

    private CalendarException NeedsReconnect() =>
        CalendarException.Conflict(ErrorCodes.NeedsReconnect, "The Outlook connection needs a reconnect: " + S.LastError);

    private IOutlookAccountRegistryGrain Registry(string accountId) => GrainFactory.GetGrain<IOutlookAccountRegistryGrain>(accountId);

    private static OutlookAccess ToOutlook(OutlookAccessLevel access) =>
        access == OutlookAccessLevel.ReadWrite ? OutlookAccess.ReadWrite : OutlookAccess.Read;

    // [events]
    public Task<EventFate> GetEventFateAsync(long sequence) => Task.FromResult(Recorder.FateOf(sequence, S.EventSequence));

    // [events] The event of the change just made to the state (its sequence already set there).
    private CalendarEvent Event(string type) =>
        CalendarEvent.ForConnection(type, GrainKeys.Split(Key).SubAccountId, GrainKeys.Split(Key).Id, Details(), S.EventSequence, clock.GetUtcNow());

    private OutlookConnectionDetails Details() => new(
        S.Status,
        new OutlookAccountInfo(S.Email, S.DisplayName),
        S.Access,
        S.LinkedCalendarId,
        S.ConflictCalendarIds.ToList(),
        S.Preferences,
        S.LastSyncAt,
        S.LastError,
        S.ConnectedAt,
        S.Calendars.Select(c => new OutlookCalendarSync(
            c.Key,
            Role(c.Key),
            c.Value.DeltaLink is null && c.Value.LastSyncAt is null ? "initial" : c.Value.LastError is null ? "synced" : "failed",
            c.Value.LastSyncAt,
            c.Value.LastError,
            c.Value.Imported.Count,
            c.Value.Imported.Values.Count(e => e.Blocks),
            WebhookState(c.Key))).ToList(),
        S.Pushes.Values.Count(p => p.IsDirty),
        _syncRunning || (_syncRequested && S.Status == ConnectionStatus.Connected),
        !Hooks.IsOn ? "off" : WebhooksHealthy(clock.GetUtcNow()) ? "active" : "degraded");

    private string Role(string calendarId) =>
        (calendarId == S.LinkedCalendarId, S.ConflictCalendarIds.Contains(calendarId)) switch
        {
            (true, true) => "linkedAndConflict",
            (true, false) => "linked",
            _ => "conflict",
        };
}
