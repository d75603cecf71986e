using NodaTime;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// The holds of one owner in memory, by day page and by appointment, with the union of the time they block for
/// O(log n) overlap questions. Plain data: the grain decides what is stored when.
/// </summary>
internal sealed class HoldBook
{
    /// <summary>The longest blocked interval (a 24-hour slot with 24-hour buffers on both sides), in whole days.</summary>
    private const int MaxSpanDays = 4;

    private readonly SortedDictionary<int, List<HoldRecord>> _days = [];
    private readonly Dictionary<string, List<HoldRecord>> _byAppointment = new(StringComparer.Ordinal);
    private IntervalSet _blocking = IntervalSet.Empty;
    private bool _blockingStale;

    public IEnumerable<int> Days => _days.Keys;

    public IEnumerable<HoldRecord> All => _days.Values.SelectMany(d => d);

    /// <summary>Every instant some hold blocks.</summary>
    public IntervalSet Blocking
    {
        get
        {
            if (_blockingStale)
            {
                _blocking = IntervalSet.From(All.Where(h => h.Blocks).Select(h => BlockedOf(h.Reservation)));
                _blockingStale = false;
            }

            return _blocking;
        }
    }

    public static int DayOf(Reservation reservation) => DateOnly.FromDateTime(reservation.BlockedStart.UtcDateTime).DayNumber;

    public static TimeInterval BlockedOf(Reservation r) => Interval(r.BlockedStart, r.BlockedEnd);

    public static TimeInterval Interval(DateTimeOffset start, DateTimeOffset end) =>
        new(Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(end));

    public IReadOnlyList<HoldRecord> On(int day) => _days.TryGetValue(day, out var holds) ? holds : [];

    public IReadOnlyList<HoldRecord> Of(string appointmentId) => _byAppointment.TryGetValue(appointmentId, out var holds) ? holds : [];

    public HoldRecord? Find(string appointmentId, int revision) =>
        Of(appointmentId).FirstOrDefault(h => h.Reservation.Revision == revision);

    /// <summary>Replaces what memory holds for a day with what was read from its page.</summary>
    public void ReplaceDay(int day, IEnumerable<HoldRecord> holds)
    {
        foreach (var old in On(day).ToList())
        {
            Unindex(old);
        }

        _days.Remove(day);
        foreach (var hold in holds)
        {
            Add(hold);
        }

        _blockingStale = true;
    }

    /// <summary>Adds a hold and returns its day.</summary>
    public int Add(HoldRecord hold)
    {
        var day = DayOf(hold.Reservation);
        if (!_days.TryGetValue(day, out var holds))
        {
            _days[day] = holds = [];
        }

        holds.Add(hold);
        if (!_byAppointment.TryGetValue(hold.Reservation.AppointmentId, out var revisions))
        {
            _byAppointment[hold.Reservation.AppointmentId] = revisions = [];
        }

        revisions.Add(hold);
        if (hold.Blocks && !_blockingStale)
        {
            _blocking = _blocking.Add(BlockedOf(hold.Reservation));
        }

        return day;
    }

    /// <summary>Removes a hold and returns its day.</summary>
    public int Remove(HoldRecord hold)
    {
        var day = DayOf(hold.Reservation);
        if (_days.TryGetValue(day, out var holds) && holds.Remove(hold) && holds.Count == 0)
        {
            _days.Remove(day);
        }

        Unindex(hold);
        _blockingStale |= hold.Blocks;
        return day;
    }

    /// <summary>A status change that may free time (the blocking union is rebuilt on its next use).</summary>
    public void StatusChanged() => _blockingStale = true;

    /// <summary>Whether a blocking hold of another appointment overlaps the reservation's blocked interval.</summary>
    public bool ConflictsWith(Reservation reservation)
    {
        var blocked = BlockedOf(reservation);
        if (!Blocking.Overlaps(blocked))
        {
            return false;
        }

        // The union may hit the appointment's own older revision (a move onto overlapping time): look closer.
        return Near(blocked).Any(h => h.Blocks && h.Reservation.AppointmentId != reservation.AppointmentId && BlockedOf(h.Reservation).Overlaps(blocked));
    }

    /// <summary>Holds whose blocked interval may overlap <paramref name="window"/>: those of the days it spans and a few before.</summary>
    public IEnumerable<HoldRecord> Near(TimeInterval window)
    {
        var first = DateOnly.FromDateTime(window.Start.ToDateTimeUtc()).DayNumber - MaxSpanDays;
        var last = DateOnly.FromDateTime(window.End.ToDateTimeUtc()).DayNumber;
        return _days.Where(d => d.Key >= first && d.Key <= last).SelectMany(d => d.Value);
    }

    /// <summary>The newest revision of each appointment among the holds near the window, overlapping it.</summary>
    public IEnumerable<HoldRecord> NewestOverlapping(DateTimeOffset from, DateTimeOffset to)
    {
        var window = Interval(from, to);
        return Near(window)
            .Where(h => Interval(h.Reservation.Start, h.Reservation.End).Overlaps(window))
            .GroupBy(h => h.Reservation.AppointmentId, StringComparer.Ordinal)
            .Select(g => Of(g.Key).MaxBy(h => h.Reservation.Revision)!)
            .Where(h => Interval(h.Reservation.Start, h.Reservation.End).Overlaps(window))
            .OrderBy(h => h.Reservation.Start)
            .ThenBy(h => h.Reservation.AppointmentId, StringComparer.Ordinal);
    }

    /// <summary>The earliest time a hold's appointment is to be asked about it, or null when storage is sure of every hold.</summary>
    public DateTimeOffset? NextCheckAt()
    {
        DateTimeOffset? next = null;
        foreach (var hold in All)
        {
            if (hold.CheckAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    private void Unindex(HoldRecord hold)
    {
        if (_byAppointment.TryGetValue(hold.Reservation.AppointmentId, out var revisions) && revisions.Remove(hold) && revisions.Count == 0)
        {
            _byAppointment.Remove(hold.Reservation.AppointmentId);
        }
    }
}
