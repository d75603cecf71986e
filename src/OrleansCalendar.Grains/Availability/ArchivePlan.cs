using OrleansCalendar.Abstractions.Archive;
using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// Which day pages of an owner leave the availability grain: days before the cutoff whose holds all ended before
/// it and are settled (nothing left to ask an appointment, no other revision in flight). Their entries go to the
/// monthly archive of each appointment's start; listed days with nothing left are dropped as well.
/// </summary>
internal sealed record ArchivePlan(IReadOnlyList<int> Days, IReadOnlyDictionary<string, List<AppointmentIndexEntry>> EntriesByArchive)
{
    public static ArchivePlan For(HoldBook holds, IEnumerable<int> listedDays, string subAccountId, string ownerId, DateTimeOffset cutoff)
    {
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime).DayNumber;
        var days = listedDays.Union(holds.Days)
            .Where(day => day < cutoffDay && holds.On(day).All(h =>
                h.CheckAt is null && h.Reservation.End <= cutoff && holds.Of(h.Reservation.AppointmentId).Count == 1))
            .Order()
            .ToList();
        var entries = days
            .SelectMany(holds.On)
            .GroupBy(h => ArchiveKeys.For(subAccountId, ownerId, h.Reservation.Start), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => AvailabilityGrain.IndexEntry(h.Reservation)).ToList(), StringComparer.Ordinal);
        return new ArchivePlan(days, entries);
    }
}
