namespace OrleansCalendar.Grains.Storage;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>The durable store (SQLite in the embedded default, PostgreSQL in a cluster).</summary>
    public const string Default = "store";
}
