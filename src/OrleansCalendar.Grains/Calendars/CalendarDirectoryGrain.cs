using Orleans.Runtime;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Calendars;

public sealed class CalendarDirectoryGrain(
    [PersistentState("calendar-directory", StorageNames.Default)] IPersistentState<CalendarDirectoryState> state) : Grain, ICalendarDirectoryGrain
{
    public async Task RegisterAsync(string subAccountId)
    {
        if (state.State.SubAccountId != subAccountId)
        {
            state.State.SubAccountId = subAccountId;
            await state.WriteStateAsync();
        }
    }

    public async Task UnregisterAsync()
    {
        if (state.State.SubAccountId is not null)
        {
            state.State.SubAccountId = null;
            await state.WriteStateAsync();
        }
    }

    public Task<string?> GetSubAccountIdAsync() => Task.FromResult(state.State.SubAccountId);
}
