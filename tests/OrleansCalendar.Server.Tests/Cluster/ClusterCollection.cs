using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// Multi-silo tests run several server processes each; they run alone, after the parallel part of the suite,
/// so that failure detection is not judged on a machine busy with other tests. They get their own PostgreSQL.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "Cluster";
}
