using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>What a load balancer sees of a silo that is told to stop (SIGTERM), and what the other silos see.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GracefulShutdownTests(PostgreSqlFixture postgres, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task On_SIGTERM_a_silo_reports_not_ready_while_still_serving_then_leaves_the_cluster_and_exits_cleanly()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 2,
            new Dictionary<string, string> { ["Server__ShutdownDrain"] = "00:00:04" });
        var (leaving, staying) = (cluster.Silos[0], cluster.Silos[1]);
        using var client = SiloCluster.Direct(leaving);
        var (created, account) = await client.PostJsonAsync("/v1/subaccounts", new { name = "Drained", timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(0, await leaving.RunHealthCheckCommandAsync());

        leaving.Terminate();

        // During the drain: not ready (so balancers stop sending), yet every request still answered.
        var (readyStatus, ready) = await Eventually.ValueAsync(() => client.GetJsonAsync("/health/ready"), r => r.Status == HttpStatusCode.ServiceUnavailable,
            "readiness to turn 503", TimeSpan.FromSeconds(3));
        Assert.Equal("Unhealthy", ready!["checks"]!["shutdown"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync($"/v1/subaccounts/{account!["id"]}")).Status);
        Assert.Equal(1, await leaving.RunHealthCheckCommandAsync());

        await cluster.StopAsync(leaving);
        Assert.True(leaving.ExitCode == 0, $"exit code {leaving.ExitCode}:\n{leaving.Output}");

        // It said goodbye: the other silo sees it dead at once, without waiting for missed probes.
        var members = await SiloCluster.MembersAsync(staying);
        Assert.Equal("dead", members.Single(m => m!["name"]!.GetValue<string>() == leaving.Name)!["status"]!.GetValue<string>());
        using var other = SiloCluster.Direct(staying);
        Assert.Equal(HttpStatusCode.OK, (await other.GetJsonAsync($"/v1/subaccounts/{account!["id"]}")).Status);
    }
}
