using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Push: appointments into the linked calendar. Every push is a record in the state before it is tried; a failure
/// keeps it with its error and a next attempt after exponential backoff (never before Graph's Retry-After). Creates
/// carry a transaction id, so a retry after a lost answer never makes a second event. With two-way sync, moves and
/// deletes of our copies in Outlook go back to their appointments.
/// </summary>
internal sealed class PushEngine(string integrationKey, SyncOptions options, TimeProvider clock, ILogger logger)
{
    private readonly string _subAccountId = Abstractions.GrainKeys.Split(integrationKey).SubAccountId;
    private readonly string _userId = Abstractions.GrainKeys.Split(integrationKey).Id;

    /// <summary>Whether a new appointment of the user would be pushed: a linked calendar with write access.</summary>
    public static bool WillPush(OutlookIntegrationState state) =>
        state.Exists && state.LinkedCalendarId is not null && state.Access == OutlookAccessLevel.ReadWrite;

    /// <summary>Records how the appointment's copy should look; a newer version replaces an older one.</summary>
    public PushOutcome Enqueue(OutlookIntegrationState state, AppointmentPush push)
    {
        if (!state.Exists)
        {
            return PushOutcome.Ignored;
        }

        if (state.Pushes.TryGetValue(push.AppointmentId, out var record))
        {
            if (push.Version <= record.Version || record.Cancelled)
            {
                return PushOutcome.Ignored;
            }
        }
        else if (push.Cancelled)
        {
            return PushOutcome.Ignored;
        }
        else if (!WillPush(state))
        {
            return PushOutcome.NotApplicable;
        }
        else
        {
            record = state.Pushes[push.AppointmentId] = new PushRecord
            {
                AppointmentId = push.AppointmentId,
                OutlookCalendarId = state.LinkedCalendarId!,
                TransactionId = PushDrafts.TransactionId(integrationKey, push.AppointmentId, 0),
            };
        }

        record.CalendarId = push.CalendarId;
        record.Version = push.Version;
        record.Start = push.Start;
        record.End = push.End;
        record.TimeZone = push.TimeZone;
        record.Subject = push.Subject;
        record.Body = push.Body;
        record.Cancelled = push.Cancelled;
        record.State = SyncState.Pending;
        record.Attempts = 0;
        record.NextAttemptAt = clock.GetUtcNow();
        return PushOutcome.Queued;
    }

    public SyncReport NotApplicable(string appointmentId) =>
        new(appointmentId, new AppointmentSync(_userId, "outlook", SyncState.NotApplicable, null, null));

    /// <summary>The owed pushes whose time has come, oldest first.</summary>
    public static IReadOnlyList<string> Due(OutlookIntegrationState state, DateTimeOffset now) =>
        [.. state.Pushes.Values.Where(p => p.IsDirty && p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).Select(p => p.AppointmentId)];

    /// <summary>When the next owed push is due, or null when none is owed.</summary>
    public static DateTimeOffset? NextAttemptAt(OutlookIntegrationState state) =>
        state.Pushes.Values.Where(p => p.IsDirty).Select(p => (DateTimeOffset?)p.NextAttemptAt).Min();

    /// <summary>One attempt of one push; the record keeps the outcome. Returns what the appointment is to be told.</summary>
    public async Task<SyncReport?> PushAsync(GraphSession session, string appointmentId)
    {
        var record = session.State.Pushes[appointmentId];
        try
        {
            await WriteAsync(session, record);
            record.PushedVersion = record.Version;
            record.State = SyncState.Synced;
            record.LastError = null;
            record.Attempts = 0;
            return Report(record, SyncState.Synced, null);
        }
        catch (OutlookGraphException e)
        {
            return Failed(session.State, record, e.Message, e.IsTransient, e.RetryAfter);
        }
        catch (CalendarException e)
        {
            // A connection that needs a reconnect keeps the push for after it; a token refresh that did not answer
            // waits its turn like a Graph fault.
            return Failed(session.State, record, e.Message, transient: e.Code != ErrorCodes.NeedsReconnect, retryAfter: null);
        }
    }

    /// <summary>
    /// The safety net for one-way messages lost in a crash: future reservations whose copy is missing or out of date,
    /// and copies whose appointment no longer holds a reservation. Each is asked of its appointment.
    /// </summary>
    public static IReadOnlyList<string> Suspects(OutlookIntegrationState state, IReadOnlyList<Reservation> reservations, DateTimeOffset now)
    {
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reservation in reservations.Where(r => !r.IgnoresExternalBusy))
        {
            if (!state.Pushes.TryGetValue(reservation.AppointmentId, out var record) || record.Start != reservation.Start || record.End != reservation.End)
            {
                suspects.Add(reservation.AppointmentId);
            }
        }

        var reserved = reservations.Select(r => r.AppointmentId).ToHashSet(StringComparer.Ordinal);
        suspects.UnionWith(state.Pushes.Values.Where(p => !p.Cancelled && p.End > now && !reserved.Contains(p.AppointmentId)).Select(p => p.AppointmentId));
        return [.. suspects.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Our copies seen in a pulled calendar. Moved or deleted in Outlook: with two-way sync the appointment is to follow
    /// (it may refuse); with one-way sync it keeps its time and its entry says what happened. A copy reported removed
    /// is looked up first: it may only have left the delta window.
    /// </summary>
    public async Task<(List<OwnCopyChange> Changes, List<SyncReport> Reports)> FollowAsync(
        GraphSession session, string calendarId, IReadOnlyList<(string AppointmentId, OutlookEvent Item)> copies)
    {
        var followed = copies
            .Where(c => session.State.Pushes.TryGetValue(c.AppointmentId, out var r) && !r.Cancelled && !r.IsDirty && r.OutlookCalendarId == calendarId)
            .ToList();

        // Graph first: nothing changes until every lookup answered, so a failed one leaves the copies to the next round.
        var lookedUp = new Dictionary<string, OutlookEvent>(StringComparer.Ordinal);
        foreach (var (_, seen) in followed.Where(c => c.Item.Removed))
        {
            lookedUp[seen.Id] = await session.GetEventAsync(seen.Id) ?? seen;
        }

        var changes = new List<OwnCopyChange>();
        var reports = new List<SyncReport>();
        var twoWay = session.State.Preferences.Direction == SyncDirection.TwoWay;
        foreach (var (appointmentId, seen) in followed)
        {
            var record = session.State.Pushes[appointmentId];
            var item = lookedUp.GetValueOrDefault(seen.Id, seen);
            record.EventId ??= item.Id;
            if (item.Removed || item.IsCancelled)
            {
                record.EventId = null;
                record.OutlookStart = record.OutlookEnd = null;
                if (twoWay)
                {
                    changes.Add(new OwnCopyChange(appointmentId, record.Start, record.End, Cancelled: true));
                }
                else
                {
                    reports.Add(Diverged(record, "The Outlook copy was deleted in Outlook; the appointment stands and is written again at its next change."));
                }

                continue;
            }

            if (DeltaApplier.Interval(item) is not { } interval || (interval.Start == record.OutlookStart && interval.End == record.OutlookEnd))
            {
                continue;
            }

            record.OutlookStart = interval.Start;
            record.OutlookEnd = interval.End;
            if (twoWay)
            {
                changes.Add(new OwnCopyChange(appointmentId, interval.Start, interval.End, Cancelled: false));
            }
            else
            {
                reports.Add(Diverged(record, "The Outlook copy was moved in Outlook; the appointment keeps its time (one-way sync)."));
            }
        }

        return (changes, reports);
    }

    /// <summary>A move or delete made in Outlook was refused by the appointment: shown as failed with the reason.</summary>
    public SyncReport? Refuse(OutlookIntegrationState state, string appointmentId, string reason) =>
        state.Pushes.TryGetValue(appointmentId, out var record) ? Diverged(record, reason) : null;

    /// <summary>Finished copies of appointments that ended a day ago are no longer watched.</summary>
    public static void Prune(OutlookIntegrationState state, DateTimeOffset now)
    {
        foreach (var record in state.Pushes.Values.Where(p => !p.IsDirty && p.End < now.AddDays(-1)).ToList())
        {
            state.Pushes.Remove(record.AppointmentId);
        }
    }

    /// <summary>Drops every push (the connection goes); what was still owed is reported as failed with the reason.</summary>
    public List<SyncReport> Forget(OutlookIntegrationState state, string reason)
    {
        var reports = state.Pushes.Values.Where(p => p.IsDirty).Select(p => Report(p, SyncState.Failed, reason)).ToList();
        state.Pushes.Clear();
        return reports;
    }

    private async Task WriteAsync(GraphSession session, PushRecord record)
    {
        var tag = PushDrafts.Tag(_subAccountId, record.AppointmentId);
        if (record.Cancelled)
        {
            if (record.EventId is not { } cancelledId)
            {
                return;
            }

            if (session.State.Preferences.OnCancel == CancelBehavior.Delete)
            {
                await session.DeleteEventAsync(cancelledId);
                record.EventId = null;
            }
            else if (!await session.UpdateEventAsync(cancelledId, PushDrafts.Draft(record, tag, markCancelled: true)))
            {
                record.EventId = null;
            }

            return;
        }

        if (record.EventId is { } eventId)
        {
            if (await session.UpdateEventAsync(eventId, PushDrafts.Draft(record, tag)))
            {
                record.OutlookStart = record.Start;
                record.OutlookEnd = record.End;
                return;
            }

            // Deleted in Outlook: write a new copy, under a new transaction id.
            record.EventId = null;
            record.Generation++;
            record.TransactionId = PushDrafts.TransactionId(integrationKey, record.AppointmentId, record.Generation);
        }

        record.EventId = await session.CreateEventAsync(record.OutlookCalendarId, PushDrafts.Draft(record, tag));
        record.OutlookStart = record.Start;
        record.OutlookEnd = record.End;
        logger.LogDebug("Appointment {AppointmentId} written to Outlook for {Integration}", record.AppointmentId, integrationKey);
    }

    private SyncReport? Failed(OutlookIntegrationState state, PushRecord record, string error, bool transient, TimeSpan? retryAfter)
    {
        // Counted from now, after Graph's answer arrived: the next attempt is never sooner than its Retry-After.
        record.Attempts++;
        record.NextAttemptAt = clock.GetUtcNow() + PushDrafts.Backoff(record.Attempts, options.PushRetryDelay, options.MaxPushRetryDelay, retryAfter);
        var newState = transient ? SyncState.Pending : SyncState.Failed;
        var changed = record.State != newState || record.LastError != error;
        record.State = newState;
        record.LastError = error;
        state.LastError = "Writing an appointment to Outlook failed: " + error;
        logger.LogWarning("Writing appointment {AppointmentId} to Outlook for {Integration} failed (attempt {Attempt}): {Error}", record.AppointmentId, integrationKey, record.Attempts, error);
        return changed ? Report(record, newState, error) : null;
    }

    private SyncReport Diverged(PushRecord record, string reason)
    {
        record.State = SyncState.Failed;
        record.LastError = reason;
        return Report(record, SyncState.Failed, reason);
    }

    private SyncReport Report(PushRecord record, SyncState syncState, string? error) =>
        new(record.AppointmentId, new AppointmentSync(_userId, "outlook", syncState, record.EventId, error));
}
