using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Storage;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// The storage records of one owner's availability beside its directory (<see cref="AvailabilityRoot"/>): a page per
/// UTC day of holds and a record per external source, each under its own state name, so that a write carries only
/// what changed.
/// </summary>
internal sealed class AvailabilityRows(IGrainStorage storage, GrainId grainId)
{
    private readonly Dictionary<int, StorageRow<DayPage>> _days = [];
    private readonly Dictionary<string, StorageRow<ExternalSource>> _sources = new(StringComparer.Ordinal);

    public StorageRow<DayPage> Day(int day)
    {
        if (!_days.TryGetValue(day, out var row))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"availability-day-{DateOnly.FromDayNumber(day):yyyyMMdd}");
            _days[day] = row = new StorageRow<DayPage>(storage, grainId, name);
        }

        return row;
    }

    public StorageRow<ExternalSource> Source(string sourceId)
    {
        if (!_sources.TryGetValue(sourceId, out var row))
        {
            // Outlook calendar ids are long; the state name is part of the record's key, so a digest stands for it.
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)).AsSpan(0, 12)).ToLowerInvariant();
            _sources[sourceId] = row = new StorageRow<ExternalSource>(storage, grainId, "availability-source-" + digest);
        }

        return row;
    }

    public void Forget(int day) => _days.Remove(day);
}
