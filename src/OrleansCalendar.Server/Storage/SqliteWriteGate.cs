using Orleans.Storage;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// SQLite takes one writer at a time. A second writer is refused, and Microsoft.Data.Sqlite retries it after
/// sleeping (150 ms a time), which is what made booking latency jump under load. Writes of this process, through
/// every storage provider on the database, take turns in <see cref="SqliteWriter"/> instead, so none ever sleeps;
/// reads are not gated (WAL lets them run beside the writer). A state is serialized before its write queues
/// (<see cref="SerializeAhead"/>), beside the other writes instead of in the single writer's turn.
/// </summary>
internal sealed class SqliteWriteGate(IGrainStorage inner, SqliteWriter writer, SerializeAhead serializer) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        serializer.Prepare(grainState.State);
        await writer.InTurnAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        writer.InTurnAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
