using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>The storage the silo was configured with, resolved once at start-up.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString);
