using System.Data.Common;

namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>A storage failure made by <see cref="StorageFaults"/>; a <see cref="DbException"/> like the real providers' errors.</summary>
public sealed class InjectedStorageException(string message) : DbException(message);
