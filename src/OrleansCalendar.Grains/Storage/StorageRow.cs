using Orleans.Core;
using Orleans.Storage;

namespace OrleansCalendar.Grains.Storage;

/// <summary>
/// One more storage record of a grain, beside its declared persistent state: the same provider and grain id under
/// another state name. A grain whose data is naturally split (a user's reservations per day) writes only the part
/// that changed, so the cost of a write does not grow with everything the grain holds.
/// </summary>
public sealed class StorageRow<T>(IGrainStorage storage, GrainId grainId, string stateName) : IStorage<T>
    where T : new()
{
    private readonly GrainState<T> _record = new(new T());

    public string StateName => stateName;

    public T State
    {
        get => _record.State ??= new T();
        set => _record.State = value;
    }

    public string? Etag => _record.ETag;

    public bool RecordExists => _record.RecordExists;

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, _record);

    public Task ReadStateAsync(CancellationToken cancellationToken) => storage.ReadStateAsync(stateName, grainId, _record, cancellationToken);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _record);

    public Task WriteStateAsync(CancellationToken cancellationToken) => storage.WriteStateAsync(stateName, grainId, _record, cancellationToken);

    public Task ClearStateAsync() => storage.ClearStateAsync(stateName, grainId, _record);

    public Task ClearStateAsync(CancellationToken cancellationToken) => storage.ClearStateAsync(stateName, grainId, _record, cancellationToken);
}
