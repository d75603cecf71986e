using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.Graph.Subscriptions;
using OrleansCalendar.GraphEmulator.Graph.Users;
using OrleansCalendar.GraphEmulator.Hosting;
using OrleansCalendar.GraphEmulator.Identity;
using OrleansCalendar.GraphEmulator.State;
using OrleansCalendar.GraphEmulator.Traffic;

namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// Arrange and assert on the emulator from C#, bypassing HTTP. Changes made here behave as if the
/// user made them in Outlook: they raise change notifications and show up in delta rounds.
/// Mailboxes are named by object id or e-mail address. Unknown names throw <see cref="KeyNotFoundException"/>.
/// </summary>
public sealed class GraphEmulatorControl
{
    private readonly GraphEmulatorState _state;
    private readonly NotificationDispatcher _dispatcher;

    internal GraphEmulatorControl(GraphEmulatorState state, NotificationDispatcher dispatcher)
    {
        _state = state;
        _dispatcher = dispatcher;
    }

    /// <summary>The settings the emulator runs with (client id and secret, lifetimes, page sizes...).</summary>
    public GraphEmulatorOptions Options => _state.Options;


    /// <summary>Adds a mailbox with a default writable calendar named "Calendar".</summary>
    public EmulatedMailbox AddMailbox(string email, string displayName, string? id = null) =>
        ToEmulated(_state.Mailboxes.AddMailbox(email, displayName, id));

    public EmulatedMailbox GetMailbox(string mailbox) => ToEmulated(Mailbox(mailbox));

    public IReadOnlyList<EmulatedMailbox> ListMailboxes() => [.. _state.Mailboxes.Mailboxes().Select(ToEmulated)];

    /// <summary>Adds a calendar; an <paramref name="ownerAddress"/> other than the mailbox's makes it a shared calendar.</summary>
    public EmulatedCalendar AddCalendar(
        string mailbox, string name, bool canEdit = true, bool isDefault = false, string? color = null,
        string? ownerName = null, string? ownerAddress = null) =>
        ControlMapping.ToEmulated(_state.Mailboxes.AddCalendar(Mailbox(mailbox).Id, name, canEdit, isDefault, color, ownerName, ownerAddress));

    public IReadOnlyList<EmulatedCalendar> ListCalendars(string mailbox) =>
        [.. _state.Mailboxes.Calendars(Mailbox(mailbox).Id).Select(ControlMapping.ToEmulated)];

    public EmulatedCalendar GetDefaultCalendar(string mailbox) =>
        ControlMapping.ToEmulated(_state.Mailboxes.DefaultCalendar(Mailbox(mailbox).Id));


    public EmulatedEvent AddEvent(string mailbox, string calendarId, EventSpec spec) =>
        Create(mailbox, calendarId, ControlMapping.ToInput(spec));

    /// <summary>Adds an event from a Graph <c>event</c> JSON body.</summary>
    public EmulatedEvent AddEventJson(string mailbox, string calendarId, string graphEventJson) =>
        Create(mailbox, calendarId, ReadJson(graphEventJson));

    /// <summary>Updates an event; an occurrence id turns that occurrence into an exception.</summary>
    public EmulatedEvent UpdateEvent(string mailbox, string eventId, EventPatch patch)
    {
        var owner = Mailbox(mailbox);
        var existing = _state.Mailboxes.FindInstance(owner.Id, eventId) ?? throw NoEvent(eventId);
        return Update(owner, eventId, ControlMapping.ToInput(patch, existing));
    }

    /// <summary>Updates an event from a Graph <c>event</c> JSON (PATCH) body.</summary>
    public EmulatedEvent UpdateEventJson(string mailbox, string eventId, string graphEventJson) =>
        Update(Mailbox(mailbox), eventId, ReadJson(graphEventJson));

    /// <summary>Deletes an event; an occurrence id deletes just that occurrence.</summary>
    public void DeleteEvent(string mailbox, string eventId) =>
        Translate(() => _state.Mailboxes.DeleteEvent(Mailbox(mailbox).Id, eventId), eventId);

    /// <summary>Deletes the occurrence of a series that originally falls on <paramref name="originalDate"/>; returns its id.</summary>
    public string CancelOccurrence(string mailbox, string seriesMasterId, DateOnly originalDate)
    {
        var occurrenceId = OccurrenceId(seriesMasterId, originalDate);
        DeleteEvent(mailbox, occurrenceId);
        return occurrenceId;
    }

    /// <summary>The id Graph gives the occurrence of a series on its original date.</summary>
    public static string OccurrenceId(string seriesMasterId, DateOnly originalDate) => GraphIds.OccurrenceId(seriesMasterId, originalDate);

    /// <summary>A stored event or an occurrence by id; null when there is none.</summary>
    public EmulatedEvent? FindEvent(string mailbox, string eventId) =>
        _state.Mailboxes.FindInstance(Mailbox(mailbox).Id, eventId) is { } instance ? ControlMapping.ToEmulated(instance) : null;

    /// <summary>Single instances and series masters of a calendar (all calendars when null).</summary>
    public IReadOnlyList<EmulatedEvent> ListEvents(string mailbox, string? calendarId = null) =>
        [.. _state.Mailboxes.StoredEvents(Mailbox(mailbox).Id, calendarId).Select(e => ControlMapping.ToEmulated(EventInstance.Of(e)))];

    /// <summary>Instances overlapping a window with recurrences expanded, as calendarView returns them.</summary>
    public IReadOnlyList<EmulatedEvent> ListInstances(string mailbox, string calendarId, DateTimeOffset start, DateTimeOffset end)
    {
        var (instances, _) = _state.Mailboxes.View(Mailbox(mailbox).Id, calendarId, start.UtcDateTime, end.UtcDateTime);
        return [.. instances.Select(ControlMapping.ToEmulated)];
    }


    /// <summary>Scripts the next authorize request: who signs in, whether consent is denied, what is granted.</summary>
    public void SetNextSignIn(NextSignIn next) => _state.Identity.SetNextSignIn(next);

    public void ClearNextSignIn() => _state.Identity.SetNextSignIn(null);

    /// <summary>
    /// Tokens for a mailbox without the browser dance (default scopes: Calendars.ReadWrite User.Read
    /// openid profile offline_access).
    /// </summary>
    public TokenSet IssueTokens(string mailbox, IEnumerable<string>? scopes = null, string? authorityHost = null)
    {
        var granted = Scopes.Parse(
            string.Join(' ', scopes ?? ["Calendars.ReadWrite", "User.Read", "openid", "profile", "offline_access"]),
            _state.Options.DefaultScopes);
        return _state.Identity.Issue(Mailbox(mailbox), _state.Options.ClientId, granted, null, authorityHost ?? "http://127.0.0.1");
    }

    /// <summary>Every access and refresh token issued for the mailbox so far.</summary>
    public IReadOnlyList<string> ListIssuedTokens(string mailbox) => _state.Identity.TokensOf(Mailbox(mailbox).Id);

    /// <summary>Revokes all refresh tokens of a mailbox: refreshing answers invalid_grant AADSTS50173.</summary>
    public int RevokeRefreshTokens(string mailbox) => _state.Identity.RevokeRefreshTokens(Mailbox(mailbox).Id);

    /// <summary>Ages all refresh tokens of a mailbox out: refreshing answers invalid_grant AADSTS70008.</summary>
    public int ExpireRefreshTokens(string mailbox) => _state.Identity.ExpireRefreshTokens(Mailbox(mailbox).Id);

    /// <summary>Expires the access tokens of a mailbox: Graph answers 401 InvalidAuthenticationToken.</summary>
    public int ExpireAccessTokens(string mailbox) => _state.Identity.ExpireAccessTokens(Mailbox(mailbox).Id);


    /// <summary>Kills delta and skip tokens of a mailbox (or one calendar): using them answers 410 syncStateNotFound.</summary>
    public int InvalidateDeltaTokens(string mailbox, string? calendarId = null) =>
        _state.Delta.Invalidate(Mailbox(mailbox).Id, calendarId);


    public FaultRule AddFault(FaultRule rule) => _state.Faults.Add(rule);

    public bool RemoveFault(string faultId) => _state.Faults.Remove(faultId);

    public IReadOnlyList<FaultRule> ListFaults() => _state.Faults.List();

    public void ClearFaults() => _state.Faults.Clear();


    /// <summary>Requests answered so far (of one mailbox when given), oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> GetRequestLog(string? mailbox = null)
    {
        var id = mailbox is null ? null : Mailbox(mailbox).Id;
        return _state.Requests.List(e => id is null || e.MailboxId == id);
    }

    public void ClearRequestLog() => _state.Requests.Clear();

    /// <summary>Most Graph requests of a mailbox in flight at once since the last reset.</summary>
    public int GetMaxConcurrency(string mailbox) => _state.Concurrency.MaxFor(Mailbox(mailbox).Id);

    /// <summary>Peak in-flight counts by mailbox id.</summary>
    public IReadOnlyDictionary<string, int> GetMaxConcurrencyByMailbox() => _state.Concurrency.Maxima();

    public void ResetMaxConcurrency() => _state.Concurrency.ResetMaxima();


    public IReadOnlyList<EmulatedSubscription> ListSubscriptions(string? mailbox = null)
    {
        var id = mailbox is null ? null : Mailbox(mailbox).Id;
        var now = _state.Options.TimeProvider.GetUtcNow();
        return [.. _state.Subscriptions.All().Where(s => id is null || s.MailboxId == id).Select(s => ControlMapping.ToEmulated(s, now))];
    }

    /// <summary>Removes a subscription without telling the subscriber (as Graph does when it drops one).</summary>
    public bool RemoveSubscription(string subscriptionId) => _state.Subscriptions.Remove(subscriptionId);

    /// <summary>
    /// Pauses or resumes a subscription's change notifications: it stays valid (renewals and lifecycle notifications
    /// work) while changes go unannounced, as when Graph loses notifications.
    /// </summary>
    public void PauseSubscription(string subscriptionId, bool paused = true) =>
        _state.Subscriptions.Save(Subscription(subscriptionId) with { Paused = paused });

    /// <summary>Lets a subscription lapse now: no more notifications, and Graph calls on it answer 404.</summary>
    public void ExpireSubscription(string subscriptionId)
    {
        var subscription = Subscription(subscriptionId);
        _state.Subscriptions.Save(subscription with { ExpirationDateTime = _state.Options.TimeProvider.GetUtcNow().AddSeconds(-1) });
    }

    /// <summary>
    /// Sends a lifecycle notification (<c>reauthorizationRequired</c>, <c>subscriptionRemoved</c> or <c>missed</c>)
    /// to the subscription's lifecycle URL; <c>subscriptionRemoved</c> also removes the subscription.
    /// Completes when the delivery succeeded or was given up.
    /// </summary>
    public Task<DeliveryRecord> SendLifecycleNotificationAsync(string subscriptionId, string lifecycleEvent)
    {
        var known = new[] { "reauthorizationRequired", "subscriptionRemoved", "missed" };
        var canonical = known.FirstOrDefault(k => string.Equals(k, lifecycleEvent, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown lifecycle event '{lifecycleEvent}'; use one of {string.Join(", ", known)}.", nameof(lifecycleEvent));
        var subscription = Subscription(subscriptionId);
        if (canonical == "subscriptionRemoved")
        {
            _state.Subscriptions.Remove(subscription.Id);
        }

        return _dispatcher.SendLifecycleAsync(subscription, canonical);
    }

    public IReadOnlyList<DeliveryRecord> ListDeliveries(string? subscriptionId = null) => _state.Deliveries.List(subscriptionId);

    public void ClearDeliveries() => _state.Deliveries.Clear();

    /// <summary>Waits until a delivery matching <paramref name="predicate"/> is recorded (default timeout 10 s).</summary>
    public Task<DeliveryRecord> WaitForDeliveryAsync(
        Func<DeliveryRecord, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Deliveries.WaitForAsync(predicate, timeout ?? TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>Waits until no notification is queued or in flight (default timeout 10 s).</summary>
    public Task WaitForPendingDeliveriesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _dispatcher.WaitIdleAsync(timeout ?? TimeSpan.FromSeconds(10), cancellationToken);


    /// <summary>Forgets everything; optionally seeds the demo mailbox again.</summary>
    public void Reset(bool seedDemoData = false)
    {
        _state.Reset();
        if (seedDemoData)
        {
            SeedDemoData();
        }
    }

    /// <summary>Adds the demo mailbox (adele@contoso.test) with its calendars and events.</summary>
    public EmulatedMailbox SeedDemoData() => DemoData.Seed(this);

    private EmulatedEvent Create(string mailbox, string calendarId, EventInput input)
    {
        var owner = Mailbox(mailbox);
        var (created, _) = Translate(() => _state.Mailboxes.CreateEvent(owner.Id, calendarId, input), calendarId);
        return ControlMapping.ToEmulated(EventInstance.Of(created));
    }

    private EmulatedEvent Update(MailboxData owner, string eventId, EventInput input) =>
        ControlMapping.ToEmulated(Translate(() => _state.Mailboxes.UpdateEvent(owner.Id, eventId, input), eventId));

    private static EventInput ReadJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return Translate(() => EventJsonReader.Read(document.RootElement), "body");
    }

    private MailboxData Mailbox(string mailbox) =>
        _state.Mailboxes.FindMailbox(mailbox) ?? throw new KeyNotFoundException($"Mailbox '{mailbox}' does not exist.");

    private SubscriptionData Subscription(string subscriptionId) =>
        _state.Subscriptions.Find(subscriptionId) ?? throw new KeyNotFoundException($"Subscription '{subscriptionId}' does not exist.");

    private EmulatedMailbox ToEmulated(MailboxData mailbox) =>
        new(mailbox.Id, mailbox.Email, mailbox.DisplayName, _state.Mailboxes.DefaultCalendar(mailbox.Id).Id);

    private static KeyNotFoundException NoEvent(string eventId) => new($"Event '{eventId}' does not exist.");

    // Graph-shaped failures become ordinary .NET exceptions for C# callers.
    private static T Translate<T>(Func<T> action, string subject)
    {
        try
        {
            return action();
        }
        catch (GraphErrorException exception) when (exception.StatusCode == 404)
        {
            throw new KeyNotFoundException($"'{subject}' does not exist.", exception);
        }
        catch (GraphErrorException exception)
        {
            throw new ArgumentException($"{exception.Code}: {exception.Message}", exception);
        }
    }

    private static void Translate(Action action, string subject) => Translate(() => { action(); return 0; }, subject);
}
