using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// PostgreSQL stopped for ten seconds under a cluster's booking load. The test stops its own PostgreSQL server, so
/// that nothing else depends on it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgreSqlOutageTests(ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private PostgreSqlServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgreSqlServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task While_PostgreSQL_is_stopped_requests_answer_503_with_Retry_After_and_afterwards_the_silos_recover_by_themselves_losing_nothing()
    {
        await using var cluster = await SiloCluster.StartAsync(_postgres, emulator.Server, silos: 2);
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 4);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token);
        await Eventually.TrueAsync(() => load.Count("201") >= 10, "bookings before the outage", TimeSpan.FromSeconds(60));

        await _postgres.StopAsync();
        output.WriteLine($"PostgreSQL stopped at {DateTimeOffset.UtcNow:O} after {load.Count("201")} bookings");
        await Task.Delay(Outage);
        await _postgres.ResumeAsync();
        var resumedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"PostgreSQL started at {resumedAt:O}");

        // The same processes become ready and book again: nothing had to be restarted.
        foreach (var silo in cluster.Silos)
        {
            await silo.WaitReadyAsync(TimeSpan.FromSeconds(30));
        }

        await Eventually.TrueAsync(() => load.Created.Any(c => c.At > resumedAt.AddSeconds(1)), "bookings after the outage", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; 503s retried: {cluster.Retries.Retries}");

        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, $"{silo.Name} exited:\n{silo.Output}"));
        Assert.True(cluster.Retries.Retries > 0, $"no request was answered 503 while PostgreSQL was stopped: {load.Summary()}");

        // 503s with Retry-After (BookingLoad flags any other) and never a 500, a hang or a dropped connection.
        load.AssertAnsweredWith("201", "200", "409", "422", "503");
        await load.AssertDurableAndDisjointAsync();
    }
}
