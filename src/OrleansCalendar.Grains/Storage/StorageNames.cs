namespace OrleansCalendar.Grains.Storage;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>The durable store (SQLite in the embedded default, PostgreSQL in a cluster).</summary>
    public const string Default = "store";

    /// <summary>
    /// The same database for event delivery state, with rows deleted when a grain clears its state: pruned days of a
    /// delivery log and deleted endpoints leave nothing behind.
    /// </summary>
    public const string Events = "events";
}
