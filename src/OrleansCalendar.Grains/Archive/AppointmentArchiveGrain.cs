using OrleansCalendar.Abstractions.Archive;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Archive;

public sealed class AppointmentArchiveGrain(
    [PersistentState("appointment-archive", StorageNames.Default)] IPersistentState<AppointmentArchiveState> state) : Grain, IAppointmentArchiveGrain
{
    private static readonly IComparer<AppointmentIndexEntry> Order = Comparer<AppointmentIndexEntry>.Create((a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.AppointmentId, b.AppointmentId);
    });

    public async Task AddAsync(IReadOnlyList<AppointmentIndexEntry> entries)
    {
        var incoming = entries.ToDictionary(e => e.AppointmentId, StringComparer.Ordinal);
        var merged = state.State.Entries.Where(e => !incoming.ContainsKey(e.AppointmentId)).Concat(incoming.Values).Order(Order).ToList();
        if (merged.SequenceEqual(state.State.Entries))
        {
            return;
        }

        state.State.Entries = merged;
        await state.WriteOrReloadAsync(this);
    }

    public Task<IReadOnlyList<AppointmentIndexEntry>> ListAsync(DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<AppointmentIndexEntry> result = state.State.Entries.Where(e => e.Start < to && from < e.End).ToList();
        return Task.FromResult(result);
    }
}
