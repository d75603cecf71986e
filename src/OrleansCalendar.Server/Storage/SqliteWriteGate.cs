using Orleans.Storage;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// SQLite takes one writer at a time. A second writer is refused, and Microsoft.Data.Sqlite retries it after
/// sleeping (150 ms a time), which is what made booking latency jump under load. Writes of this process take turns
/// here instead, so none ever sleeps; reads are not gated (WAL lets them run beside the writer).
/// </summary>
internal sealed class SqliteWriteGate(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        InTurnAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        InTurnAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public void Dispose() => _writer.Dispose();

    private async Task InTurnAsync(Func<Task> write)
    {
        await _writer.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _writer.Release();
        }
    }
}
