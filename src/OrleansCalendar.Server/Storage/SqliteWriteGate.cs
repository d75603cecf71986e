using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Storage;
using OrleansCalendar.Server.Observability;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// SQLite takes one writer at a time. A second writer is refused, and Microsoft.Data.Sqlite retries it after
/// sleeping (150 ms a time), which is what made booking latency jump under load. Writes of this process, through
/// every storage provider on the database, take turns in <see cref="SqliteWriter"/> instead, so none ever sleeps;
/// reads are not gated (WAL lets them run beside the writer). A state is serialized before its write queues
/// (<see cref="SerializeAhead"/>), beside the other writes instead of in the single writer's turn. Each write's time
/// in that turn and its size are counted by state (<c>orleans_calendar.store.*</c>): the writer is what bounds bookings
/// on this store, and these say what holds it.
/// </summary>
internal sealed partial class SqliteWriteGate(IGrainStorage inner, SqliteWriter writer, SerializeAhead serializer, CalendarTelemetry telemetry) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var size = serializer.Prepare(grainState.State);
        var state = new KeyValuePair<string, object?>("state", StateKind(stateName));
        await writer.InTurnAsync(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await inner.WriteStateAsync(stateName, grainId, grainState);
            }
            finally
            {
                telemetry.StoreWriterBusy.Add(Stopwatch.GetElapsedTime(start).TotalSeconds, state);
            }
        });
        telemetry.StoreWrites.Add(1, state);
        telemetry.StoreWrittenBytes.Add(size, state);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        writer.InTurnAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    /// <summary>The state's name without a trailing number (a day page's date), so that the tag has few values.</summary>
    public static string StateKind(string stateName) => TrailingNumber().Replace(stateName, "");

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    [GeneratedRegex("-[0-9]+$")]
    private static partial Regex TrailingNumber();
}
