namespace OrleansCalendar.Server.Storage;

/// <summary>Where the silo keeps grain state (and, for PostgreSQL, membership and reminders).</summary>
public enum StorageProvider
{
    /// <summary>An embedded file in the data directory: grain state only, for a single silo.</summary>
    Sqlite,

    /// <summary>A shared server: grain state, cluster membership and reminders for many silos.</summary>
    PostgreSql,
}
