using Orleans.Concurrency;
using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Abstractions.Archive;

/// <summary>
/// The appointments of one owner that started in one UTC month and have ended, keyed
/// <c>{subAccountId}/{ownerId}/{yyyy-MM}</c>: the index of appointment history. Availability grains move ended holds
/// here, so their own state stays bounded by the active window while history stays listable at any age.
/// </summary>
public interface IAppointmentArchiveGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces entries (by appointment id); adding the same entries again changes nothing.</summary>
    Task AddAsync(IReadOnlyList<AppointmentIndexEntry> entries);

    /// <summary>Entries overlapping [from, to), ordered by start then id.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AppointmentIndexEntry>> ListAsync(DateTimeOffset from, DateTimeOffset to);
}
