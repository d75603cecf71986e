using Npgsql;
using OrleansCalendar.Server.Tests.Cluster;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Operations;

/// <summary>
/// A cluster's database dumped with <c>pg_dump</c> while it serves, restored into a new database as docs/operations.md
/// says. One silo, so it runs beside the other tests on the shared PostgreSQL server.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBackupTests(PostgreSqlFixture postgres, ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task A_dump_of_a_live_cluster_restored_into_a_new_database_serves_its_appointments_and_decrypts_its_Outlook_tokens()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 1);
        var dump = Path.Combine(TempDirectory.Create("oc-pg-dump"), "orleans-calendar.dump");
        await BackupUnderLoad.RunAsync(cluster, emulator.Server, output,
            backup: () => postgres.Server.DumpAsync(Database(cluster.ConnectionString!), dump),
            restore: async () =>
            {
                // As documented: every silo stopped, the dump restored into a new database, silos started on it.
                await cluster.StopAsync(cluster.Silos[0]);
                var restored = await postgres.Server.CreateDatabaseAsync();
                await postgres.Server.RestoreAsync(dump, Database(restored));
                await cluster.AddSiloAsync(settings: new Dictionary<string, string> { ["ConnectionStrings__Orleans"] = restored });
            });
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;
}
