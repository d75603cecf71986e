using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Availability;

public sealed class AvailabilityGrain(
    [PersistentState("availability", StorageNames.Default)] IPersistentState<AvailabilityState> state,
    TimeProvider clock,
    ILogger<AvailabilityGrain> logger) : Grain, IAvailabilityGrain
{
    /// <summary>How long a hold may stay unconfirmed before it is checked with its appointment.</summary>
    internal static readonly TimeSpan PendingTimeout = TimeSpan.FromMinutes(2);

    private IntervalSet _appointments = IntervalSet.Empty;
    private IntervalSet _external = IntervalSet.Empty;
    private IntervalSet? _combined;
    private IGrainTimer? _pendingTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RebuildAppointments();
        RebuildExternal();
        SchedulePendingCheck();
        return Task.CompletedTask;
    }

    public async Task<bool> TryHoldAsync(Reservation reservation)
    {
        var records = state.State.Reservations;
        var existing = records.Find(r => Same(r.Reservation, reservation.AppointmentId, reservation.Revision));
        if (existing is not null)
        {
            return true;
        }

        var blocked = ToInterval(reservation.BlockedStart, reservation.BlockedEnd);
        if (!reservation.IgnoresExternalBusy && _external.Overlaps(blocked))
        {
            return false;
        }

        // The fast set test may hit the appointment's own older revision (a move onto overlapping time).
        if (_appointments.Overlaps(blocked) && records.Exists(r =>
                r.Reservation.AppointmentId != reservation.AppointmentId
                && ToInterval(r.Reservation.BlockedStart, r.Reservation.BlockedEnd).Overlaps(blocked)))
        {
            return false;
        }

        records.Add(new ReservationRecord
        {
            Reservation = reservation,
            PendingUntil = clock.GetUtcNow() + PendingTimeout,
        });
        await WriteOrUndoAsync(() => records.RemoveAt(records.Count - 1));
        RebuildAppointments();
        SchedulePendingCheck();
        return true;
    }

    public async Task ConfirmAsync(string appointmentId, int revision)
    {
        var records = state.State.Reservations;
        var record = records.Find(r => Same(r.Reservation, appointmentId, revision));
        if (record is null || (record.Confirmed && !records.Exists(r => r.Reservation.AppointmentId == appointmentId && r.Reservation.Revision < revision)))
        {
            return;
        }

        record.Confirmed = true;
        records.RemoveAll(r => r.Reservation.AppointmentId == appointmentId && r.Reservation.Revision < revision);
        await state.WriteStateAsync();
        RebuildAppointments();
    }

    public async Task ReleaseAsync(string appointmentId, int? revision)
    {
        var removed = state.State.Reservations.RemoveAll(r =>
            r.Reservation.AppointmentId == appointmentId && (revision is null || r.Reservation.Revision == revision));
        if (removed > 0)
        {
            await state.WriteStateAsync();
            RebuildAppointments();
        }
    }

    public async Task ReplaceExternalAsync(string sourceId, IReadOnlyList<ExternalBusy> intervals)
    {
        var external = state.State.External;
        var previous = external.GetValueOrDefault(sourceId);
        if (intervals.Count == 0 && previous is null)
        {
            return;
        }

        if (intervals.Count == 0)
        {
            external.Remove(sourceId);
        }
        else
        {
            external[sourceId] = intervals
                .Where(i => i.End > i.Start)
                .OrderBy(i => i.Start)
                .Select(i => new ExternalBusyRecord { Start = i.Start, End = i.End, Title = i.Title })
                .ToList();
        }

        await WriteOrUndoAsync(() =>
        {
            if (previous is null)
            {
                external.Remove(sourceId);
            }
            else
            {
                external[sourceId] = previous;
            }
        });
        RebuildExternal();
    }

    public Task<bool[]> AreFreeAsync(FreeSlotProbe probe)
    {
        var busy = probe.IncludeExternal ? _combined ??= _appointments.Union(_external) : _appointments;
        var free = new bool[probe.StartsUnixMs.Length];
        for (var i = 0; i < free.Length; i++)
        {
            free[i] = busy.IsFree(new TimeInterval(Instant.FromUnixTimeMilliseconds(probe.StartsUnixMs[i]), Instant.FromUnixTimeMilliseconds(probe.EndsUnixMs[i])));
        }

        return Task.FromResult(free);
    }

    public Task<IReadOnlyList<BusyInterval>> GetBusyViewAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var window = ToInterval(from, to);
        var view = new List<BusyInterval>();

        var appointments = state.State.Reservations
            .Select(r => r.Reservation)
            .Where(r => ToInterval(r.Start, r.End).Overlaps(window))
            .OrderBy(r => r.Start)
            .ToList();
        view.AddRange(MergeBySource(appointments.Select(r => (r.Start, r.End, (string?)r.CalendarId, (string?)null)), BusySource.Appointment));

        foreach (var (sourceId, records) in state.State.External)
        {
            var inWindow = records
                .Where(e => ToInterval(e.Start, e.End).Overlaps(window))
                .OrderBy(e => e.Start)
                .Select(e => (e.Start, e.End, (string?)sourceId, e.Title));
            view.AddRange(MergeBySource(inWindow, BusySource.Outlook));
        }

        IReadOnlyList<BusyInterval> result = view.OrderBy(v => v.Start).ThenBy(v => v.Source).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Reservation>> GetReservationsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var window = ToInterval(from, to);
        IReadOnlyList<Reservation> result = state.State.Reservations
            .GroupBy(r => r.Reservation.AppointmentId)
            .Select(g => g.MaxBy(r => r.Reservation.Revision)!.Reservation)
            .Where(r => ToInterval(r.Start, r.End).Overlaps(window))
            .OrderBy(r => r.Start)
            .ToList();
        return Task.FromResult(result);
    }

    /// <summary>Merges touching intervals of one source; details survive only where one item stands alone.</summary>
    private static IEnumerable<BusyInterval> MergeBySource(IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string? CalendarId, string? Title)> sorted, BusySource source)
    {
        BusyInterval? current = null;
        foreach (var (start, end, calendarId, title) in sorted)
        {
            if (current is not null && start <= current.End)
            {
                current = current with
                {
                    End = end > current.End ? end : current.End,
                    CalendarId = current.CalendarId == calendarId ? calendarId : null,
                    Title = null,
                };
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = new BusyInterval(start, end, source, calendarId, title);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private async Task CheckPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = state.State.Reservations.Where(r => !r.Confirmed && r.PendingUntil <= now).ToList();
        var (subAccountId, _) = GrainKeys.Split(this.GetPrimaryKeyString());
        var changed = false;
        foreach (var record in due)
        {
            var reservation = record.Reservation;
            var appointment = GrainFactory.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(subAccountId, reservation.AppointmentId));
            if (await appointment.IsCurrentReservationAsync(reservation.Revision))
            {
                record.Confirmed = true;
                state.State.Reservations.RemoveAll(r => r.Reservation.AppointmentId == reservation.AppointmentId && r.Reservation.Revision < reservation.Revision);
            }
            else
            {
                logger.LogWarning("Dropping abandoned hold of appointment {AppointmentId} revision {Revision}", reservation.AppointmentId, reservation.Revision);
                state.State.Reservations.Remove(record);
            }

            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
            RebuildAppointments();
        }

        SchedulePendingCheck();
    }

    private void SchedulePendingCheck()
    {
        var pending = state.State.Reservations.Where(r => !r.Confirmed).Select(r => r.PendingUntil).DefaultIfEmpty().Min();
        if (pending == default)
        {
            _pendingTimer?.Dispose();
            _pendingTimer = null;
            return;
        }

        var due = pending - clock.GetUtcNow();
        var dueTime = due > TimeSpan.Zero ? due : TimeSpan.FromMilliseconds(10);
        if (_pendingTimer is null)
        {
            _pendingTimer = this.RegisterGrainTimer(CheckPendingAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _pendingTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task WriteOrUndoAsync(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory must equal storage: a hold that was not stored was never granted.
            undo();
            throw;
        }
    }

    private void RebuildAppointments()
    {
        _appointments = IntervalSet.From(state.State.Reservations.Select(r => ToInterval(r.Reservation.BlockedStart, r.Reservation.BlockedEnd)));
        _combined = null;
    }

    private void RebuildExternal()
    {
        _external = IntervalSet.From(state.State.External.Values.SelectMany(list => list).Select(e => ToInterval(e.Start, e.End)));
        _combined = null;
    }

    private static bool Same(Reservation r, string appointmentId, int revision) =>
        r.AppointmentId == appointmentId && r.Revision == revision;

    private static TimeInterval ToInterval(DateTimeOffset start, DateTimeOffset end) =>
        new(Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(end));
}
