using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Archive;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Upgrades;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// Loading, the move of the previous release's record, the checks that settle holds storage is unsure of, the
/// written-behind flush, and the archive pass.
/// </summary>
public sealed partial class AvailabilityGrain
{
    private const int ParallelReads = 32;

    private DateTimeOffset? _checkDue;
    private bool _flushArmed;

    private async Task LoadAsync()
    {
        foreach (var days in root.State.Days.Chunk(ParallelReads))
        {
            var rows = days.Select(day => (Day: day, Row: _rows.Day(day))).ToList();
            await Task.WhenAll(rows.Select(r => r.Row.ReadStateAsync()));
            foreach (var (day, row) in rows)
            {
                _holds.ReplaceDay(day, row.State.Holds);
            }
        }

        foreach (var sources in root.State.Sources.Chunk(ParallelReads))
        {
            var rows = sources.Select(source => (Source: source, Row: _rows.Source(source))).ToList();
            await Task.WhenAll(rows.Select(r => r.Row.ReadStateAsync()));
            foreach (var (source, row) in rows.Where(r => r.Row.State.Intervals.Count > 0))
            {
                _external[source] = row.State.Intervals;
            }
        }

        RebuildExternal();
    }

    /// <summary>
    /// Moves the previous release's record into pages and source records, then seals it (<see cref="LegacyAvailability"/>).
    /// Every step can run again: holds already moved are skipped, sources are replaced whole.
    /// </summary>
    private async Task MoveLegacyAsync()
    {
        var moved = LegacyAvailability.Holds(legacy.State)
            .Where(h => _holds.Find(h.Reservation.AppointmentId, h.Reservation.Revision) is null)
            .ToList();
        foreach (var day in moved.Select(_holds.Add).Distinct().ToList())
        {
            root.State.Days.Add(day);
            await WriteDayAsync(day);
        }

        foreach (var (sourceId, records) in legacy.State.External)
        {
            var row = _rows.Source(sourceId);
            row.State = new ExternalSource { SourceId = sourceId, Intervals = records };
            await row.WriteOrReloadAsync(this);
            root.State.Sources.Add(sourceId);
            _external[sourceId] = records;
        }

        legacy.State = LegacyAvailability.Sealed(legacy.State.External);
        await legacy.WriteOrReloadAsync(this);
        root.State.LegacyVersion = legacy.Etag;
        await root.WriteOrReloadAsync(this);
        RebuildExternal();
        LogMovedLegacy(this.GetPrimaryKeyString(), moved.Count);
    }

    /// <summary>Points the check timer at the earliest hold storage is unsure of; <paramref name="due"/> is a new one.</summary>
    private void ScheduleCheck(DateTimeOffset? due = null)
    {
        // A new hold is checked after those already waiting: no need to look at every hold.
        var next = due is not null && _checkDue is { } armed && armed <= due ? armed : _holds.NextCheckAt();
        _checkDue = next;
        if (next is null)
        {
            _checkTimer?.Dispose();
            _checkTimer = null;
            return;
        }

        var wait = next.Value - clock.GetUtcNow();
        wait = wait > TimeSpan.FromMilliseconds(10) ? wait : TimeSpan.FromMilliseconds(10);
        if (_checkTimer is null)
        {
            _checkTimer = this.RegisterGrainTimer(CheckDueAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _checkTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Asks the appointments of every due hold what became of them and stores the answers.</summary>
    private async Task CheckDueAsync(CancellationToken cancellationToken)
    {
        _checkDue = null;
        try
        {
            var now = clock.GetUtcNow();
            var due = _holds.All.Where(h => h.CheckAt <= now).ToList();
            if (due.Count == 0)
            {
                // The holds this timer was set for were settled meanwhile; what they left is written behind.
                return;
            }

            var fates = await Task.WhenAll(due.Select(FateAsync));
            for (var i = 0; i < due.Count; i++)
            {
                Apply(due[i], fates[i], now);
            }

            await FlushAsync();
        }
        finally
        {
            ScheduleCheck();
        }
    }

    private async Task<HoldFate> FateAsync(HoldRecord hold)
    {
        try
        {
            var appointment = GrainFactory.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(SubAccountId, hold.Reservation.AppointmentId));
            // An appointment on a silo of the previous release (a rolling upgrade) answers that release's question:
            // whether the hold is its current reservation, which it also is not while cancelled.
            return await PreviousRelease.CallAsync(
                () => appointment.GetHoldFateAsync(hold.Reservation.Revision),
                async () => await appointment.IsCurrentReservationAsync(hold.Reservation.Revision) ? HoldFate.Current : HoldFate.NotCurrent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCheckFailed(e, hold.Reservation.AppointmentId);
            return HoldFate.Unknown;
        }
    }

    private void Apply(HoldRecord hold, HoldFate fate, DateTimeOffset now)
    {
        if (_holds.Find(hold.Reservation.AppointmentId, hold.Reservation.Revision) != hold)
        {
            return;
        }

        switch (fate)
        {
            case HoldFate.Current:
                Settle(hold, HoldStatus.Confirmed);
                break;
            case HoldFate.Cancelled:
                Settle(hold, HoldStatus.Released);
                break;
            case HoldFate.NotCurrent:
                LogDroppedHold(hold.Reservation.AppointmentId, hold.Reservation.Revision);
                MarkDirty(_holds.Remove(hold));
                Changed();
                break;
            default:
                hold.CheckAt = now + Options.PendingTimeout;
                break;
        }
    }

    private void ScheduleFlush()
    {
        if (!_flushArmed)
        {
            _flushArmed = true;
            _flushTimer ??= this.RegisterGrainTimer(FlushDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _flushTimer.Change(Options.FlushDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private Task FlushDueAsync(CancellationToken cancellationToken)
    {
        _flushArmed = false;
        return FlushAsync();
    }

    /// <summary>Writes the days changed in memory only. A failed page is reloaded: its holds are checked again later.</summary>
    private async Task FlushAsync()
    {
        foreach (var day in _dirty.ToList())
        {
            try
            {
                await WriteDayAsync(day);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFlushFailed(e, this.GetPrimaryKeyString());
                ScheduleCheck();
                ScheduleFlush();
                return;
            }
        }
    }

    /// <summary>Moves the pages of ended holds to the monthly archives, so memory and activation stay with the active window.</summary>
    private async Task ArchiveAsync(CancellationToken cancellationToken)
    {
        var plan = ArchivePlan.For(_holds, root.State.Days, SubAccountId, OwnerId, clock.GetUtcNow() - Options.ArchiveAfter);
        if (plan.Days.Count == 0)
        {
            return;
        }

        try
        {
            // Archive first: a crash after this leaves the entries in both places, and listing reads each once.
            await Task.WhenAll(plan.EntriesByArchive.Select(a => GrainFactory.GetGrain<IAppointmentArchiveGrain>(a.Key).AddAsync(a.Value)));
            foreach (var day in plan.Days)
            {
                var row = _rows.Day(day);
                await row.ClearOrReloadAsync(this, reloaded: () => _holds.ReplaceDay(day, row.State.Holds));
                foreach (var hold in _holds.On(day).ToList())
                {
                    _holds.Remove(hold);
                }

                _dirty.Remove(day);
                _rows.Forget(day);
            }

            await UpdateRootAsync(r => r.Days.ExceptWith(plan.Days));
            Changed();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogArchiveFailed(e, this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Availability {Key}: moved {Count} holds from the previous release's record")]
    private partial void LogMovedLegacy(string key, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping abandoned hold of appointment {AppointmentId} revision {Revision}")]
    private partial void LogDroppedHold(string appointmentId, int revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask appointment {AppointmentId} about its hold; asking again later")]
    private partial void LogCheckFailed(Exception exception, string appointmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Availability {Key}: writing settled holds failed; they are checked again later")]
    private partial void LogFlushFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Availability {Key}: moving ended holds to the archive failed; trying again at the next pass")]
    private partial void LogArchiveFailed(Exception exception, string key);
}
