using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// An owner's busy time. Holds live in day pages (a booking writes only its day's page) and are indexed in memory by
/// <see cref="HoldBook"/>; imported busy time lives in one record per source. Changes that lose nothing if lost
/// (confirmations, releases of failed or cancelled bookings) are written behind: until they are, storage keeps the
/// hold's <see cref="HoldRecord.CheckAt"/>, and the appointment is asked then. Ended holds move to the archive
/// (<see cref="AvailabilityGrain"/>'s other part).
/// </summary>
public sealed partial class AvailabilityGrain(
    [PersistentState("user-availability", StorageNames.Default)] IPersistentState<AvailabilityRoot> root,
    [PersistentState("availability", StorageNames.Default)] IPersistentState<AvailabilityState> legacy,
    IOptions<AvailabilityOptions> options,
    TimeProvider clock,
    ILogger<AvailabilityGrain> logger) : Grain, IAvailabilityGrain
{
    private readonly HoldBook _holds = new();
    private readonly HashSet<int> _dirty = [];
    private readonly Dictionary<string, List<ExternalBusyRecord>> _external = new(StringComparer.Ordinal);
    private AvailabilityRows _rows = null!;
    private IntervalSet _externalSet = IntervalSet.Empty;
    private IntervalSet? _combined;
    private long _version = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private IGrainTimer? _checkTimer;
    private IGrainTimer? _flushTimer;

    private AvailabilityOptions Options => options.Value;

    private string SubAccountId => GrainKeys.Split(this.GetPrimaryKeyString()).SubAccountId;

    private string OwnerId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new AvailabilityRows(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default), this.GetGrainId());
        await LoadAsync();
        if (legacy.RecordExists && legacy.Etag != root.State.LegacyVersion)
        {
            await MoveLegacyAsync();
        }

        ScheduleCheck();
        this.RegisterGrainTimer(ArchiveAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Options.ArchiveInterval));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: what is not written here is settled by the checks storage still asks for.
        await FlushAsync();
    }

    public async Task<bool> TryHoldAsync(Reservation reservation)
    {
        if (_holds.Find(reservation.AppointmentId, reservation.Revision) is not null)
        {
            return true;
        }

        if ((!reservation.IgnoresExternalBusy && _externalSet.Overlaps(HoldBook.BlockedOf(reservation))) || _holds.ConflictsWith(reservation))
        {
            return false;
        }

        var hold = new HoldRecord { Reservation = reservation, Status = HoldStatus.Held, CheckAt = clock.GetUtcNow() + Options.PendingTimeout };
        var day = _holds.Add(hold);
        Changed();
        try
        {
            if (!root.State.Days.Contains(day))
            {
                await UpdateRootAsync(r => r.Days.Add(day));
            }

            await WriteDayAsync(day);
        }
        catch
        {
            // Not stored (or not known to be, and this activation is being dropped): not granted.
            if (_holds.Find(reservation.AppointmentId, reservation.Revision) is { } left)
            {
                _holds.Remove(left);
                Changed();
            }

            throw;
        }

        ScheduleCheck(hold.CheckAt);
        return true;
    }

    public Task ConfirmAsync(string appointmentId, int revision)
    {
        if (_holds.Find(appointmentId, revision) is not { } hold)
        {
            return Task.CompletedTask;
        }

        Settle(hold, HoldStatus.Confirmed);
        ScheduleFlush();
        return Task.CompletedTask;
    }

    public async Task BeginReleaseAsync(string appointmentId)
    {
        var holds = _holds.Of(appointmentId).Where(h => h.Status is HoldStatus.Held or HoldStatus.Confirmed).ToList();
        if (holds.Count == 0)
        {
            return;
        }

        var checkAt = clock.GetUtcNow() + Options.PendingTimeout;
        foreach (var hold in holds)
        {
            hold.Status = HoldStatus.Releasing;
            hold.CheckAt = checkAt;
        }

        foreach (var day in holds.Select(h => HoldBook.DayOf(h.Reservation)).Distinct())
        {
            await WriteDayAsync(day);
        }

        ScheduleCheck(checkAt);
    }

    public Task ReleaseAsync(string appointmentId, int? revision)
    {
        if (revision is { } failed)
        {
            if (_holds.Find(appointmentId, failed) is { } hold)
            {
                MarkDirty(_holds.Remove(hold));
                Changed();
                ScheduleFlush();
            }

            return Task.CompletedTask;
        }

        if (_holds.Of(appointmentId).MaxBy(h => h.Reservation.Revision) is { } newest && (newest.Status != HoldStatus.Released || newest.CheckAt is not null || _holds.Of(appointmentId).Count > 1))
        {
            Settle(newest, HoldStatus.Released);
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    public async Task ReplaceExternalAsync(string sourceId, IReadOnlyList<ExternalBusy> intervals)
    {
        var records = intervals
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start)
            .Select(i => new ExternalBusyRecord { Start = i.Start, End = i.End, Title = i.Title, ShowAs = i.ShowAs })
            .ToList();
        var row = _rows.Source(sourceId);
        if (records.Count == 0)
        {
            if (!root.State.Sources.Contains(sourceId))
            {
                return;
            }

            await row.ClearOrReloadAsync(this);
            _external.Remove(sourceId);
            await UpdateRootAsync(r => r.Sources.Remove(sourceId));
        }
        else
        {
            row.State = new ExternalSource { SourceId = sourceId, Intervals = records };
            await row.WriteOrReloadAsync(this);
            if (!root.State.Sources.Contains(sourceId))
            {
                await UpdateRootAsync(r => r.Sources.Add(sourceId));
            }

            _external[sourceId] = records;
        }

        RebuildExternal();
    }

    public Task<bool[]> AreFreeAsync(FreeSlotProbe probe) => Task.FromResult(Probe(probe));

    public Task<FreeSlotAnswer> ProbeAsync(FreeSlotProbe probe) => Task.FromResult(new FreeSlotAnswer(Probe(probe), _version));

    public Task<long> GetVersionAsync() => Task.FromResult(_version);

    public Task<IReadOnlyList<BusyInterval>> GetBusyViewAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var window = HoldBook.Interval(from, to);
        var view = new List<BusyInterval>();
        var appointments = _holds.Near(window)
            .Where(h => h.Blocks && HoldBook.Interval(h.Reservation.Start, h.Reservation.End).Overlaps(window))
            .Select(h => h.Reservation)
            .OrderBy(r => r.Start);
        view.AddRange(BusyViews.MergeBySource(appointments.Select(r => (r.Start, r.End, (string?)r.CalendarId, (string?)null)), BusySource.Appointment));

        foreach (var (sourceId, records) in _external)
        {
            var inWindow = records
                .Where(e => HoldBook.Interval(e.Start, e.End).Overlaps(window))
                .Select(e => (e.Start, e.End, (string?)sourceId, e.Title));
            view.AddRange(BusyViews.MergeBySource(inWindow, BusySource.Outlook));
        }

        IReadOnlyList<BusyInterval> result = view.OrderBy(v => v.Start).ThenBy(v => v.Source).ToList();
        return Task.FromResult(result);
    }

    public Task<BusyDetails> GetBusyDetailsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        // The very holds and records the free-slot probe answers from (_holds.Blocking, _externalSet), as items.
        var window = HoldBook.Interval(from, to);
        var holds = _holds.Near(window)
            .Where(h => h.Blocks && HoldBook.BlockedOf(h.Reservation).Overlaps(window))
            .Select(h => h.Reservation)
            .ToList();
        var external = new Dictionary<string, IReadOnlyList<ExternalBusy>>(StringComparer.Ordinal);
        foreach (var (sourceId, records) in _external)
        {
            var inWindow = records
                .Where(e => HoldBook.Interval(e.Start, e.End).Overlaps(window))
                .Select(e => new ExternalBusy(e.Start, e.End, e.Title, e.ShowAs))
                .ToList();
            if (inWindow.Count > 0)
            {
                external[sourceId] = inWindow;
            }
        }

        return Task.FromResult(new BusyDetails(holds, external));
    }

    public Task<IReadOnlyList<Reservation>> GetReservationsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<Reservation> result = _holds.NewestOverlapping(from, to).Where(h => h.Blocks).Select(h => h.Reservation).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<AppointmentIndexEntry>> ListAppointmentsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<AppointmentIndexEntry> result = _holds.NewestOverlapping(from, to).Select(h => IndexEntry(h.Reservation)).ToList();
        return Task.FromResult(result);
    }

    internal static AppointmentIndexEntry IndexEntry(Reservation r) => new(r.AppointmentId, r.CalendarId, r.Start, r.End);

    private bool[] Probe(FreeSlotProbe probe)
    {
        var busy = probe.IncludeExternal ? _combined ??= _holds.Blocking.Union(_externalSet) : _holds.Blocking;
        var free = new bool[probe.StartsUnixMs.Length];
        for (var i = 0; i < free.Length; i++)
        {
            free[i] = busy.IsFree(new TimeInterval(Instant.FromUnixTimeMilliseconds(probe.StartsUnixMs[i]), Instant.FromUnixTimeMilliseconds(probe.EndsUnixMs[i])));
        }

        return free;
    }

    /// <summary>A revision's outcome is known: it stands (or is cancelled), and the appointment's older revisions go.</summary>
    private void Settle(HoldRecord hold, HoldStatus status)
    {
        var wasBlocking = hold.Blocks;
        hold.Status = status;
        hold.CheckAt = null;
        MarkDirty(HoldBook.DayOf(hold.Reservation));
        foreach (var older in _holds.Of(hold.Reservation.AppointmentId).Where(h => h.Reservation.Revision < hold.Reservation.Revision).ToList())
        {
            MarkDirty(_holds.Remove(older));
        }

        if (wasBlocking != hold.Blocks)
        {
            _holds.StatusChanged();
        }

        Changed();
    }

    /// <summary>Writes a day's page; when the write fails, the day in memory becomes what storage holds.</summary>
    private async Task WriteDayAsync(int day)
    {
        var row = _rows.Day(day);
        row.State = new DayPage { Holds = [.. _holds.On(day)] };
        var attempt = await row.TryWriteAsync(this, reloaded: () =>
        {
            _holds.ReplaceDay(day, row.State.Holds);
            Changed();
        });
        if (attempt.Stored)
        {
            _dirty.Remove(day);
        }

        attempt.ThrowIfNotStored();
    }

    /// <summary>
    /// Changes and writes the directory; when the write fails, the directory in memory is what storage holds. Before
    /// the first write, the record of the previous release is sealed, so that its silos never book this owner from
    /// an empty view during a rolling upgrade.
    /// </summary>
    private async Task UpdateRootAsync(Action<AvailabilityRoot> change)
    {
        if (root.State.LegacyVersion is null)
        {
            legacy.State = LegacyAvailability.Sealed(legacy.State.External);
            await legacy.WriteOrReloadAsync(this);
        }

        root.State.LegacyVersion ??= legacy.Etag;
        change(root.State);
        await root.WriteOrReloadAsync(this);
    }

    private void MarkDirty(int day) => _dirty.Add(day);

    /// <summary>The busy time changed: cached free-slot answers under the old version are stale.</summary>
    private void Changed()
    {
        _combined = null;
        _version++;
    }

    private void RebuildExternal()
    {
        _externalSet = IntervalSet.From(_external.Values.SelectMany(list => list).Select(e => HoldBook.Interval(e.Start, e.End)));
        Changed();
    }
}
