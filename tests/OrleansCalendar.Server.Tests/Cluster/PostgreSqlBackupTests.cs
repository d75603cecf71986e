using Npgsql;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>A cluster's database dumped with <c>pg_dump</c> while it serves, restored into a new database as docs/operations.md says.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgreSqlBackupTests(PostgreSqlFixture postgres, ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task A_dump_of_a_live_cluster_restored_into_a_new_database_serves_its_appointments_and_decrypts_its_Outlook_tokens()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 1);
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 3);
        var scenario = load.Scenario;
        var outlookUser = await scenario.Client.CreateUserAsync(scenario.SubAccountId, "Outlook", $"outlook-{Guid.NewGuid():N}@example.com");
        var mailbox = await ClusterOutlook.ConnectAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser);

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);
        await Eventually.TrueAsync(() => load.Count("201") >= 20, "bookings before the dump", TimeSpan.FromSeconds(60));
        var dump = Path.Combine(TempDirectory.Create("oc-pg-dump"), "orleans-calendar.dump");
        var dumpStarted = DateTimeOffset.UtcNow;
        await postgres.Server.DumpAsync(new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Database!, dump);
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; {load.Created.Count(c => c.At < dumpStarted)} acknowledged before the dump");

        // Restore as documented: all silos stopped, the dump restored into a new database, silos started on it.
        await cluster.StopAsync(cluster.Silos[0]);
        var restored = await postgres.Server.CreateDatabaseAsync();
        await postgres.Server.RestoreAsync(dump, new NpgsqlConnectionStringBuilder(restored).Database!);
        await cluster.AddSiloAsync(settings: new Dictionary<string, string> { ["ConnectionStrings__Orleans"] = restored });

        await load.AssertDurableAndDisjointAsync(load.Created.Where(c => c.At < dumpStarted));
        await ClusterOutlook.AssertStillSyncingAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser, mailbox);
    }
}
