using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>Every silo of a three-silo cluster replaced one by one (SIGTERM, then a new process) while bookings run.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingRestartTests(PostgreSqlFixture postgres, ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task A_rolling_restart_under_load_answers_no_5xx_beyond_the_retry_window_and_loses_nothing()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 3);
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 4);
        var outlookUser = await load.Scenario.Client.CreateUserAsync(load.Scenario.SubAccountId, "Outlook", $"outlook-{Guid.NewGuid():N}@example.com");
        var mailbox = await ClusterOutlook.ConnectAsync(emulator.Server, load.Scenario.Client, load.Scenario.SubAccountId, outlookUser);

        await load.RunDuringAsync(workers: 6, () => cluster.ReplaceEverySiloAsync(output));
        output.WriteLine($"outcomes: {load.Summary()}; 503s retried: {cluster.Retries.Retries}");

        load.AssertAnsweredWith();
        await load.AssertDurableAndDisjointAsync();

        // The integration, whichever silos it lived on, kept polling on the new ones.
        await ClusterOutlook.PolledSinceAsync(emulator.Server, mailbox, DateTimeOffset.UtcNow, "on the new silos");
    }
}
