using System.Net;
using OrleansCalendar.Server.Tests.Cluster;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Operations;

/// <summary>The embedded store backed up by the <c>backup</c> subcommand while the server runs, and restored as the README says.</summary>
public sealed class EmbeddedBackupTests(ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task A_backup_taken_under_booking_load_restores_every_booking_acknowledged_before_it_and_the_Outlook_connection()
    {
        await using var cluster = await SiloCluster.StartEmbeddedAsync(emulator.Server);
        var server = cluster.Silos[0];
        var backup = Path.Combine(TempDirectory.Create("oc-backup"), "backup");
        await BackupUnderLoad.RunAsync(cluster, emulator.Server, output,
            backup: async () =>
            {
                var (exitCode, printed) = await server.RunCommandAsync(["backup", backup]);
                Assert.True(exitCode == 0, $"backup exited with {exitCode}: {printed}");
                output.WriteLine(printed);
            },
            restore: async () =>
            {
                // As documented: stop the server, copy the backup into an empty data directory, start on it.
                await cluster.StopAsync(server);
                var restored = TempDirectory.Create("oc-restored");
                await Command.RunAsync("cp", ["-a", $"{backup}/.", restored], restored);
                await cluster.AddSiloAsync(dataDir: restored);

                // The generated admin key came back with it.
                Assert.Equal(HttpStatusCode.OK, (await cluster.Client().GetJsonAsync("/v1/cluster")).Status);
            });
    }
}
