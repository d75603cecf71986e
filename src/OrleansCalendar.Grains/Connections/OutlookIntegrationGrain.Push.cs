using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// Push: appointments into the linked calendar. Every push is stored before it is tried and retried with backoff
/// until it lands; creates carry a transaction id, so a retry after a lost answer never makes a second event.
/// </summary>
public sealed partial class OutlookIntegrationGrain
{
    public Task<bool> WillPushAsync() => Task.FromResult(WillPush);

    public async Task EnqueuePushAsync(AppointmentPush push)
    {
        if (!S.Exists)
        {
            return;
        }

        if (S.Pushes.TryGetValue(push.AppointmentId, out var record))
        {
            if (push.Version <= record.Version || record.Cancelled)
            {
                return;
            }
        }
        else
        {
            if (push.Cancelled)
            {
                return;
            }

            if (!WillPush)
            {
                Report(push.AppointmentId, new AppointmentSync(UserId, "outlook", SyncState.NotApplicable, null, null));
                return;
            }

            record = new PushRecord
            {
                AppointmentId = push.AppointmentId,
                OutlookCalendarId = S.LinkedCalendarId!,
                TransactionId = PushDrafts.TransactionId(Key, push.AppointmentId, 0),
            };
            S.Pushes[push.AppointmentId] = record;
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
        await state.WriteStateAsync();
        Reschedule();
    }

    public async Task RefuseOutlookChangeAsync(string appointmentId, string reason)
    {
        if (S.Pushes.TryGetValue(appointmentId, out var record))
        {
            record.State = SyncState.Failed;
            record.LastError = reason;
            await state.WriteStateAsync();
            Report(record, SyncState.Failed, reason);
        }
    }

    private bool WillPush => S.Exists && S.LinkedCalendarId is not null && S.Access == OutlookAccessLevel.ReadWrite;

    private string UserId => GrainKeys.Split(Key).Id;

    /// <summary>Every push whose time has come, oldest first; each outcome is stored before the next one.</summary>
    private async Task PushDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var record in S.Pushes.Values.Where(p => p.IsDirty && p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).ToList())
        {
            try
            {
                await PushAsync(record, cancellationToken);
                record.PushedVersion = record.Version;
                record.State = SyncState.Synced;
                record.LastError = null;
                record.Attempts = 0;
                Report(record, SyncState.Synced, null);
            }
            catch (OutlookGraphException e)
            {
                Failed(record, e.Message, e.IsTransient, e.RetryAfter);
            }
            catch (CalendarException e) when (e.Code == ErrorCodes.NeedsReconnect)
            {
                // Kept for after the reconnect; nothing else can be pushed until then.
                Failed(record, e.Message, transient: false, retryAfter: null);
                await state.WriteStateAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Anything else (a token refresh that did not answer, storage) waits its turn like a Graph fault.
                Failed(record, e.Message, transient: true, retryAfter: null);
            }

            await state.WriteStateAsync(cancellationToken);
        }

        PruneFinishedPushes(now);
    }

    private async Task PushAsync(PushRecord record, CancellationToken cancellationToken)
    {
        var tag = PushDrafts.Tag(GrainKeys.Split(Key).SubAccountId, record.AppointmentId);
        if (record.Cancelled)
        {
            if (record.EventId is not { } cancelledId)
            {
                return;
            }

            if (S.Preferences.OnCancel == CancelBehavior.Delete)
            {
                await CallGraphRawAsync(token => Done(graph.DeleteEventAsync(Key, token, cancelledId, cancellationToken)));
                record.EventId = null;
            }
            else if (!await CallGraphRawAsync(token => graph.UpdateEventAsync(Key, token, cancelledId, PushDrafts.Draft(record, tag, markCancelled: true), cancellationToken)))
            {
                record.EventId = null;
            }

            return;
        }

        if (record.EventId is { } eventId)
        {
            if (await CallGraphRawAsync(token => graph.UpdateEventAsync(Key, token, eventId, PushDrafts.Draft(record, tag), cancellationToken)))
            {
                record.OutlookStart = record.Start;
                record.OutlookEnd = record.End;
                return;
            }

            // Deleted in Outlook: write a new copy, under a new transaction id.
            record.EventId = null;
            record.Generation++;
            record.TransactionId = PushDrafts.TransactionId(Key, record.AppointmentId, record.Generation);
        }

        record.EventId = await CallGraphRawAsync(token => graph.CreateEventAsync(Key, token, record.OutlookCalendarId, PushDrafts.Draft(record, tag), cancellationToken));
        record.OutlookStart = record.Start;
        record.OutlookEnd = record.End;
        logger.LogDebug("Appointment {AppointmentId} written to Outlook for {Integration}", record.AppointmentId, Key);
    }

    private void Failed(PushRecord record, string error, bool transient, TimeSpan? retryAfter)
    {
        record.Attempts++;
        record.NextAttemptAt = clock.GetUtcNow() + PushDrafts.Backoff(record.Attempts, Sync.PushRetryDelay, Sync.MaxPushRetryDelay, retryAfter);
        var newState = transient ? SyncState.Pending : SyncState.Failed;
        var changed = record.State != newState || record.LastError != error;
        record.State = newState;
        record.LastError = error;
        S.LastError = "Writing an appointment to Outlook failed: " + error;
        logger.LogWarning("Writing appointment {AppointmentId} to Outlook for {Integration} failed (attempt {Attempt}): {Error}", record.AppointmentId, Key, record.Attempts, error);
        if (changed)
        {
            Report(record, newState, error);
        }
    }

    /// <summary>
    /// The safety net for one-way messages lost in a crash: every future reservation of the user whose copy is
    /// missing or out of date, and every copy whose appointment lost its reservation, is asked of its appointment.
    /// </summary>
    private async Task ReconcilePushesAsync()
    {
        if (!WillPush && S.Pushes.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var (_, windowEnd) = Window();
        var reservations = await Availability().GetReservationsAsync(now, windowEnd);
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reservation in reservations.Where(r => !r.IgnoresExternalBusy))
        {
            if (!S.Pushes.TryGetValue(reservation.AppointmentId, out var record) || record.Start != reservation.Start || record.End != reservation.End)
            {
                suspects.Add(reservation.AppointmentId);
            }
        }

        var reserved = reservations.Select(r => r.AppointmentId).ToHashSet(StringComparer.Ordinal);
        suspects.UnionWith(S.Pushes.Values.Where(p => !p.Cancelled && p.End > now && !reserved.Contains(p.AppointmentId)).Select(p => p.AppointmentId));

        var subAccountId = GrainKeys.Split(Key).SubAccountId;
        foreach (var appointmentId in suspects)
        {
            var push = await GrainFactory.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(subAccountId, appointmentId)).GetPushAsync(UserId);
            if (push is not null)
            {
                await EnqueuePushAsync(push);
            }
        }
    }

    /// <summary>
    /// Our copies seen in a pulled calendar. Moved or deleted in Outlook: with two-way sync the appointment follows
    /// (or refuses); with one-way sync the appointment keeps its time and the entry says what happened.
    /// A copy that left the delta window is looked up before it is taken for deleted.
    /// </summary>
    private async Task FollowOwnCopiesAsync(string calendarId, List<(PushRecord Push, OutlookEvent Item)> copies, CancellationToken cancellationToken)
    {
        foreach (var (record, seen) in copies)
        {
            if (record.Cancelled || record.IsDirty || record.OutlookCalendarId != calendarId)
            {
                continue;
            }

            var item = seen;
            if (item.Removed)
            {
                item = await CallGraphRawAsync(token => graph.GetEventAsync(Key, token, seen.Id, cancellationToken)) ?? seen;
            }

            record.EventId ??= item.Id;
            var twoWay = S.Preferences.Direction == SyncDirection.TwoWay;
            if (item.Removed || item.IsCancelled)
            {
                record.EventId = null;
                record.OutlookStart = record.OutlookEnd = null;
                if (twoWay)
                {
                    Appointment(record.AppointmentId).ApplyOutlookChangeAsync(UserId, record.Start, record.End, cancelled: true).Ignore();
                }
                else
                {
                    MarkDiverged(record, "The Outlook copy was deleted in Outlook; the appointment stands and is written again at its next change.");
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
                Appointment(record.AppointmentId).ApplyOutlookChangeAsync(UserId, interval.Start, interval.End, cancelled: false).Ignore();
            }
            else
            {
                MarkDiverged(record, "The Outlook copy was moved in Outlook; the appointment keeps its time (one-way sync).");
            }
        }
    }

    private void MarkDiverged(PushRecord record, string reason)
    {
        record.State = SyncState.Failed;
        record.LastError = reason;
        Report(record, SyncState.Failed, reason);
    }

    /// <summary>Finished copies of appointments that ended a day ago are no longer watched.</summary>
    private void PruneFinishedPushes(DateTimeOffset now)
    {
        foreach (var record in S.Pushes.Values.Where(p => !p.IsDirty && p.End < now.AddDays(-1)).ToList())
        {
            S.Pushes.Remove(record.AppointmentId);
        }
    }

    private void Report(PushRecord record, SyncState syncState, string? error) =>
        Report(record.AppointmentId, new AppointmentSync(UserId, "outlook", syncState, record.EventId, error));

    private void Report(string appointmentId, AppointmentSync sync) =>
        Appointment(appointmentId).ReportSyncAsync(sync).Ignore();

    private IAppointmentGrain Appointment(string appointmentId) =>
        GrainFactory.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(GrainKeys.Split(Key).SubAccountId, appointmentId));

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }
}
