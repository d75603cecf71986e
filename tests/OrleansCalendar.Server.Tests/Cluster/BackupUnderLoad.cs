using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// What every backup must keep: taken while bookings run, with an Outlook connection made before it, and restored,
/// it holds every booking acknowledged before the backup began, and the connection's stored tokens decrypt.
/// </summary>
public static class BackupUnderLoad
{
    /// <summary>
    /// Connects Outlook and books on <paramref name="cluster"/>, runs <paramref name="backup"/> under that load, stops
    /// the load, runs <paramref name="restore"/> (which puts a server on the restored state behind the cluster's
    /// balancer in place of the old one) and checks what came back.
    /// </summary>
    public static async Task RunAsync(SiloCluster cluster, GraphEmulatorServer emulator, ITestOutputHelper output, Func<Task> backup, Func<Task> restore)
    {
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 3);
        var scenario = load.Scenario;
        var outlookUser = await scenario.Client.CreateUserAsync(scenario.SubAccountId, "Outlook", $"outlook-{Guid.NewGuid():N}@example.com");
        var mailbox = await ClusterOutlook.ConnectAsync(emulator, scenario.Client, scenario.SubAccountId, outlookUser);

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);
        await Eventually.TrueAsync(() => load.Count("201") >= 20, "bookings before the backup", TimeSpan.FromSeconds(60));
        var started = DateTimeOffset.UtcNow;
        await backup();
        var done = DateTimeOffset.UtcNow;

        // Bookings go on during the backup and after it; those need not be in it.
        await Eventually.TrueAsync(() => load.Created.Any(c => c.At > done), "bookings after the backup", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; {load.Created.Count(c => c.At < started)} acknowledged before the backup began");
        load.AssertAnsweredWith();

        await restore();
        await load.AssertDurableAndDisjointAsync(load.Created.Where(c => c.At < started));
        await ClusterOutlook.AssertStillSyncingAsync(emulator, scenario.Client, scenario.SubAccountId, outlookUser, mailbox);
    }
}
