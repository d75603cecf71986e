using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>
/// Computes free slots. A stateless worker, so slot queries for one busy calendar run on every core instead of
/// queueing behind that calendar's bookings. It reads only our own state: never Microsoft.
/// </summary>
public interface IFreeSlotsGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<FreeSlots> GetFreeSlotsAsync(string subAccountId, string calendarId, FreeSlotsQuery query);
}
