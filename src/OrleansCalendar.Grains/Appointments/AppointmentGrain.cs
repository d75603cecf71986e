using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Upgrades;

namespace OrleansCalendar.Grains.Appointments;

public sealed partial class AppointmentGrain(
    [PersistentState("appointment", StorageNames.Default)] IPersistentState<AppointmentState> state,
    TimeProvider clock,
    ILogger<AppointmentGrain> logger) : Grain, IAppointmentGrain
{
    /// <summary>Changes in flight (create, move, cancel): this grain's memory may be ahead of storage.</summary>
    private int _changes;

    /// <summary>A write's outcome was lost and its read-back failed too: this activation is on its way out.</summary>
    private bool _uncertain;

    /// <summary>What storage holds, for <see cref="GetAsync"/> while memory may be ahead of it.</summary>
    private AppointmentDetails? _stored;

    private string SubAccountId => GrainKeys.Split(this.GetPrimaryKeyString()).SubAccountId;

    private string AppointmentId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    // [events] Records this appointment's events with its state writes.
    private EventRecorder? _recorder;

    private EventRecorder Recorder => _recorder ??= new EventRecorder(GrainFactory, SubAccountId);

    public Task<AppointmentDetails> CreateAsync(AppointmentPlan plan, string? title, Contact contact, string? notes) =>
        CreateAsync(plan, title, contact, notes, ChangedBy.Api);

    public async Task<AppointmentDetails> CreateAsync(AppointmentPlan plan, string? title, Contact contact, string? notes, string changedBy)
    {
        using var change = await BeginChangeAsync();
        if (state.State.Exists)
        {
            throw CalendarException.Conflict(ErrorCodes.AppointmentExists, "An appointment with this id already exists.");
        }

        // The holds and the event's prepare are writes of other grains that do not depend on each other: they run
        // at once, and this appointment's own write follows when both are done.
        const int revision = 1;
        var reserving = ReserveAsync(plan, revision);
        var now = clock.GetUtcNow();
        var created = new AppointmentState
        {
            Exists = true,
            Plan = plan,
            Revision = revision,
            Status = AppointmentStatus.Confirmed,
            Title = title,
            Contact = contact,
            Notes = notes,
            CreatedAt = now,
            UpdatedAt = now,
            Sync = await InitialSyncAsync(plan),
            PushVersion = 1,
            EventSequence = state.State.EventSequence + 1, // [events]
        };
        var preparing = Recorder.Prepare(Event(EventTypes.AppointmentCreated, changedBy, created)); // [events]
        try
        {
            await reserving;
        }
        catch
        {
            await Recorder.AbandonAsync(preparing); // [events]
            throw;
        }

        state.State = created;
        await StoreAsync(plan, revision, preparing);
        await ConfirmAsync(plan, revision);
        NotifyOutlook();
        return Details();
    }

    /// <remarks>
    /// What storage holds, never a change still being written: an idempotent replay must not answer an appointment
    /// whose write then fails.
    /// </remarks>
    public Task<AppointmentDetails?> GetAsync() => Task.FromResult(_changes > 0 || _uncertain ? _stored : Current());

    public Task<AppointmentDetails> ChangeAsync(AppointmentChanges changes) => ChangeAsync(changes, ChangedBy.Api);

    private async Task<AppointmentDetails> ChangeAsync(AppointmentChanges changes, string changedBy)
    {
        using var change = await BeginChangeAsync();
        EnsureExists();
        if (state.State.Status == AppointmentStatus.Cancelled)
        {
            throw CalendarException.Conflict(ErrorCodes.AppointmentCancelled, "A cancelled appointment cannot be changed.");
        }

        var current = state.State.Plan!;
        var moves = (changes.Start is { } start && start != current.Start) || (changes.End is { } end && end != current.End);
        if (!moves)
        {
            ApplyText(changes);
            MarkPushesPending();
            await StoreAsync(null, 0);
            NotifyOutlook();
            return Details();
        }

        var calendar = GrainFactory.GetGrain<ICalendarGrain>(GrainKeys.Scoped(SubAccountId, current.CalendarId));
        var plan = await calendar.PlanMoveAsync(current.UserIds, changes.Start ?? current.Start, changes.End);
        var revision = state.State.Revision + 1;
        await ReserveAsync(plan, revision);

        state.State.Plan = plan;
        state.State.Revision = revision;
        state.State.EventSequence++; // [events]
        ApplyText(changes);
        MarkPushesPending();
        await StoreAsync(plan, revision, Event(EventTypes.AppointmentRescheduled, changedBy));

        // Confirming the new revision drops the old one on every member.
        await ConfirmAsync(plan, revision);
        NotifyOutlook();
        return Details();
    }

    public Task<AppointmentDetails> CancelAsync() => CancelAsync(ChangedBy.Api);

    private async Task<AppointmentDetails> CancelAsync(string changedBy)
    {
        using var change = await BeginChangeAsync();
        EnsureExists();
        var plan = state.State.Plan!;
        if (state.State.Status != AppointmentStatus.Cancelled)
        {
            // Stored as releasing first: if this grain dies after its own write, the members still learn of the cancel.
            // A member on a silo of the previous release (a rolling upgrade) has no such step; the release below frees it.
            await Task.WhenAll(Owners(plan).Select(owner => PreviousRelease.CallAsync(
                () => Availability(owner).BeginReleaseAsync(AppointmentId), () => Task.CompletedTask)));
            state.State.Status = AppointmentStatus.Cancelled;
            state.State.UpdatedAt = clock.GetUtcNow();
            state.State.EventSequence++; // [events]
            MarkPushesPending();
            await StoreAsync(null, 0, Event(EventTypes.AppointmentCancelled, changedBy));
            NotifyOutlook();
        }

        // Also on a repeated cancel: a release that failed last time is finished now (or by the members' own checks).
        await QuietlyAsync(Owners(plan).Select(owner => Availability(owner).ReleaseAsync(AppointmentId, null)), "free the time of");
        return Details();
    }

    public Task<AppointmentPush?> GetPushAsync(string userId) =>
        Task.FromResult(state.State.Exists && state.State.Sync.Exists(s => s.UserId == userId && s.State != SyncState.NotApplicable)
            ? Push()
            : null);

    public async Task ReportSyncAsync(AppointmentSync sync)
    {
        using var change = await BeginChangeAsync();
        var entries = state.State.Sync;
        var index = entries.FindIndex(s => s.UserId == sync.UserId);
        if (!state.State.Exists || index < 0 || entries[index] == sync)
        {
            return;
        }

        // A new list, not a change in place: details handed out earlier share the old one (they are immutable, so a
        // caller on this silo gets them uncopied and may be serializing them right now).
        state.State.Sync = entries.Select((entry, i) => i == index ? sync : entry).ToList();
        (await WriteAsync()).ThrowIfNotStored();
    }

    public async Task ApplyOutlookChangeAsync(string userId, DateTimeOffset start, DateTimeOffset end, bool cancelled)
    {
        if (!state.State.Exists || state.State.Status == AppointmentStatus.Cancelled)
        {
            return;
        }

        if (cancelled)
        {
            logger.LogDebug("Appointment {AppointmentId} cancelled from Outlook by {UserId}", AppointmentId, userId);
            await CancelAsync(ChangedBy.Outlook);
            return;
        }

        var plan = state.State.Plan!;
        if (start == plan.Start && end == plan.End)
        {
            return;
        }

        try
        {
            await ChangeAsync(new AppointmentChanges(start, end, null, null), ChangedBy.Outlook);
            logger.LogDebug("Appointment {AppointmentId} moved from Outlook by {UserId}", AppointmentId, userId);
        }
        catch (CalendarException e)
        {
            var reason = $"Moved in Outlook to {start:yyyy-MM-dd HH:mm}–{end:HH:mm} UTC{start:zzz}, which was refused ({e.Code}): {e.Message} The appointment keeps its time.";
            Integration(userId).RefuseOutlookChangeAsync(AppointmentId, reason).Ignore();
        }
    }

    /// <summary>
    /// Stores the appointment. When the write certainly failed, memory is what storage holds again and the new holds
    /// (of <paramref name="plan"/> at <paramref name="revision"/>, if any) are released; when its outcome is unknown,
    /// they stay, and their members ask <see cref="GetHoldFateAsync"/> later. <paramref name="event"/>, the change's
    /// event, is recorded with the write.
    /// </summary>
    private Task StoreAsync(AppointmentPlan? plan, int revision, CalendarEvent? @event = null) =>
        StoreAsync(plan, revision, Recorder.Prepare(@event));

    /// <summary>As above, for a change whose event's prepare is already under way.</summary>
    private async Task StoreAsync(AppointmentPlan? plan, int revision, Preparing preparing)
    {
        var attempt = await WriteAsync(preparing);
        if (attempt.Outcome == WriteOutcome.NotStored && plan is not null)
        {
            await QuietlyAsync(Owners(plan).Select(owner => Availability(owner).ReleaseAsync(AppointmentId, revision)), "release the hold of");
        }

        attempt.ThrowIfNotStored();
    }

    /// <summary>
    /// Writes the state, with the change's event (<paramref name="preparing"/>, if any) recorded, under a new stamp:
    /// when the write's answer is lost, the stamp read back tells it from a fence that another activation wrote in its
    /// place (<see cref="GetHoldFateAsync"/>).
    /// </summary>
    private async Task<WriteAttempt> WriteAsync(Preparing preparing = default)
    {
        var stamp = Guid.NewGuid();
        state.State.WriteStamp = stamp;
        var attempt = await Recorder.WriteAsync(preparing, state, this, isThisWrite: stored => stored.WriteStamp == stamp); // [events]
        _uncertain |= attempt.Outcome == WriteOutcome.Unknown;
        if (attempt.Stored)
        {
            _stored = Current();
        }

        return attempt;
    }

    /// <summary>
    /// Marks a change in flight, once a fence in flight has landed (the two never write at once): until it ends,
    /// <see cref="GetHoldFateAsync"/> answers <c>Unknown</c> and <see cref="GetAsync"/> what storage holds.
    /// </summary>
    private async Task<ChangeScope> BeginChangeAsync()
    {
        while (_fencing is { } fencing)
        {
            await fencing;
        }

        return BeginChange();
    }

    private ChangeScope BeginChange()
    {
        if (_changes++ == 0 && !_uncertain)
        {
            _stored = Current();
        }

        return new ChangeScope(this);
    }

    private readonly struct ChangeScope(AppointmentGrain grain) : IDisposable
    {
        public void Dispose() => grain._changes--;
    }

    /// <summary>
    /// The members whose Outlook gets a copy: every member of a calendar that pushes and whose integration has a
    /// linked calendar now. An integration that does not answer counts as pushing; it reports not applicable later.
    /// </summary>
    private async Task<List<AppointmentSync>> InitialSyncAsync(AppointmentPlan plan)
    {
        if (!plan.PushToOutlook)
        {
            return plan.UserIds.Select(u => new AppointmentSync(u, "outlook", SyncState.NotApplicable, null, null)).ToList();
        }

        var pushes = await Task.WhenAll(plan.UserIds.Select(async u =>
        {
            try
            {
                return await Integration(u).WillPushAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Could not ask the Outlook integration of {UserId}; the push is queued anyway", u);
                return true;
            }
        }));
        return plan.UserIds.Select((u, i) => new AppointmentSync(u, "outlook", pushes[i] ? SyncState.Pending : SyncState.NotApplicable, null, null)).ToList();
    }

    /// <summary>A change Outlook copies must follow: a new push version, and every pushed member pending again.</summary>
    private void MarkPushesPending()
    {
        state.State.PushVersion++;
        state.State.Sync = state.State.Sync
            .Select(s => s.State == SyncState.NotApplicable ? s : s with { State = SyncState.Pending })
            .ToList();
    }

    /// <summary>
    /// One-way messages to the members' integrations: booking never waits on Outlook. A message lost in a crash is
    /// made up by the integration's periodic reconciliation (<see cref="GetPushAsync"/>).
    /// </summary>
    private void NotifyOutlook()
    {
        var push = Push();
        foreach (var entry in state.State.Sync.Where(s => s.State != SyncState.NotApplicable))
        {
            Integration(entry.UserId).EnqueuePushAsync(push).Ignore();
        }
    }

    private AppointmentPush Push()
    {
        var s = state.State;
        var plan = s.Plan!;
        var body = new System.Text.StringBuilder()
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Booked with {s.Contact.Name}.");
        if (s.Contact.Email is { } email)
        {
            body.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Email: {email}");
        }

        if (s.Contact.Phone is { } phone)
        {
            body.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Phone: {phone}");
        }

        if (s.Notes is { } notes)
        {
            body.AppendLine().AppendLine(notes);
        }

        return new AppointmentPush(AppointmentId, plan.CalendarId, s.PushVersion, plan.Start, plan.End, plan.TimeZone,
            s.Title ?? $"Appointment with {s.Contact.Name}", body.ToString(), s.Status == AppointmentStatus.Cancelled);
    }

    private IOutlookIntegrationGrain Integration(string userId) =>
        GrainFactory.GetGrain<IOutlookIntegrationGrain>(GrainKeys.Scoped(SubAccountId, userId));

    private void ApplyText(AppointmentChanges changes)
    {
        if (changes.Title is not null)
        {
            state.State.Title = changes.Title.Length == 0 ? null : changes.Title;
        }

        if (changes.Notes is not null)
        {
            state.State.Notes = changes.Notes.Length == 0 ? null : changes.Notes;
        }

        state.State.UpdatedAt = clock.GetUtcNow();
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.AppointmentNotFound, "The appointment does not exist.");
        }
    }

    // [events]
    public Task<EventFate> GetEventFateAsync(long sequence) =>
        Task.FromResult(_uncertain ? EventFate.Unknown : Recorder.FateOf(sequence, state.State.EventSequence));

    // [events] The event of the change just made to the state, or of the state about to replace it (its sequence already set there).
    private CalendarEvent Event(string type, string changedBy, AppointmentState? changed = null) =>
        CalendarEvent.ForAppointment(type, Details(changed), changedBy, (changed ?? state.State).EventSequence, clock.GetUtcNow());

    private AppointmentDetails? Current() => state.State.Exists ? Details() : null;

    private AppointmentDetails Details(AppointmentState? of = null)
    {
        var s = of ?? state.State;
        var plan = s.Plan!;
        return new AppointmentDetails(AppointmentId, SubAccountId, plan.CalendarId, plan.UserIds, plan.Start, plan.End,
            s.Title, s.Status, s.Contact, s.Notes, s.CreatedAt, s.UpdatedAt, s.Sync);
    }
}
