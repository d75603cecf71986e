using Orleans.Storage;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// The embedded store's grain state serializer: <see cref="SqliteWriteGate"/> serializes a state before its write
/// waits for the <see cref="SqliteWriter"/>, and the storage provider, which serializes inside the write, is handed
/// those bytes. The writer's turn then holds only the database work; serializing took close to half of it. The format
/// is the one <paramref name="inner"/> writes and reads, so stored data and other silos see no difference.
/// </summary>
public sealed class SerializeAhead(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    private static readonly AsyncLocal<Serialized?> Prepared = new();

    /// <summary>
    /// Serializes <paramref name="state"/> for the write the calling method makes next: the bytes flow to that write
    /// only (an async local, undone when the calling async method returns). Returns their length.
    /// </summary>
    public long Prepare<T>(T state)
    {
        var data = inner.Serialize(state);
        Prepared.Value = new Serialized(state, data);
        return data.ToMemory().Length;
    }

    public BinaryData Serialize<T>(T? input) =>
        Prepared.Value is { } prepared && input is not null && ReferenceEquals(prepared.State, input) ? prepared.Data : inner.Serialize(input);

    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(input);

    private sealed record Serialized(object? State, BinaryData Data);
}
