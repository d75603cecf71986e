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
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 3);
        var scenario = load.Scenario;
        var outlookUser = await scenario.Client.CreateUserAsync(scenario.SubAccountId, "Outlook", $"outlook-{Guid.NewGuid():N}@example.com");
        var mailbox = await ClusterOutlook.ConnectAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser);

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);
        await Eventually.TrueAsync(() => load.Count("201") >= 20, "bookings before the backup", TimeSpan.FromSeconds(60));
        var backup = Path.Combine(TempDirectory.Create("oc-backup"), "backup");
        var backupStarted = DateTimeOffset.UtcNow;
        var (exitCode, printed) = await server.RunCommandAsync(["backup", backup]);
        var backupDone = DateTimeOffset.UtcNow;
        Assert.True(exitCode == 0, $"backup exited with {exitCode}: {printed}");
        output.WriteLine(printed);

        // Bookings go on during the backup and after it; those are not in it.
        await Eventually.TrueAsync(() => load.Created.Any(c => c.At > backupDone), "bookings after the backup", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; {load.Created.Count(c => c.At < backupStarted)} acknowledged before the backup");
        Assert.DoesNotContain(load.Outcomes.Keys, outcome => outcome.StartsWith('5') || outcome is "timeout" or nameof(HttpRequestException));

        // Restore as documented: stop the server, copy the backup into an empty data directory, start on it.
        await cluster.StopAsync(server);
        var restored = TempDirectory.Create("oc-restored");
        await Command.RunAsync("cp", ["-a", $"{backup}/.", restored], restored);
        await cluster.AddSiloAsync(dataDir: restored);

        // The admin key came back with it (the restored server accepts the one generated before) ...
        Assert.Equal(HttpStatusCode.OK, (await cluster.Client().GetJsonAsync("/v1/cluster")).Status);

        // ... every booking acknowledged before the backup began, and the Outlook connection with its tokens.
        await load.AssertDurableAndDisjointAsync(load.Created.Where(c => c.At < backupStarted));
        await ClusterOutlook.AssertStillSyncingAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser, mailbox);
    }
}
