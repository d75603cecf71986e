using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>
/// Maps a calendar id to its sub-account, keyed by the calendar id. Public booking routes carry only the
/// calendar id; this is how they find the tenant-scoped calendar grain.
/// </summary>
public interface ICalendarDirectoryGrain : IGrainWithStringKey
{
    Task RegisterAsync(string subAccountId);

    Task UnregisterAsync();

    [ReadOnly]
    Task<string?> GetSubAccountIdAsync();
}
