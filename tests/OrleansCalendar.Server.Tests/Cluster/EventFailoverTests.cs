using Microsoft.AspNetCore.Http;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>Three silo processes on PostgreSQL with a webhook endpoint; one silo is killed with SIGKILL under booking load.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventFailoverTests(PostgreSqlFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private GraphEmulatorServer _emulator = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions());
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Killing_one_of_three_silos_under_booking_load_loses_no_created_event()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, _emulator, silos: 3, new Dictionary<string, string>
        {
            ["Events__AllowPrivateTargets"] = "true",
            ["Events__VerifyAfter"] = "00:00:02",
            ["Events__RetrySchedule"] = "00:00:00.500,00:00:01,00:00:02,00:00:05,00:00:10",
        });
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 4);
        var url = _receiver.NewUrl(out var path);
        _receiver.Answer(path, async _ =>
        {
            await Task.Delay(50);
            return Results.Ok();
        });
        await EventEndpoints.CreateAsync(load.Scenario.Client, load.Scenario.SubAccountId, url, "appointment.created");

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The victim is the silo with the most event grains (publisher, delivery), so the test sees them move.
        var members = await SiloCluster.MembersAsync(cluster.Silos[0]);
        var victimName = members.Where(m => m!["status"]!.GetValue<string>() == "active")
            .MaxBy(m => (m!["activations"]!["EventPublisherGrain"]?.GetValue<int>() ?? 0) * 2 + (m["activations"]!["WebhookEndpointGrain"]?.GetValue<int>() ?? 0))!["name"]!.GetValue<string>();
        var victim = cluster.Silos.Single(s => s.Name == victimName);
        cluster.Kill(victim);
        output.WriteLine($"killed {victim.Name} at {DateTimeOffset.UtcNow:O}");

        await Task.Delay(TimeSpan.FromSeconds(8));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}");

        var created = load.Created.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(created);
        var delivered = await Eventually.ValueAsync(
            () => Task.FromResult(_receiver.Received(path).Select(h => h.Data["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)),
            d => d.IsSupersetOf(created), $"a created event for each of the {created.Count} bookings answered 201", TimeSpan.FromMinutes(3));
        output.WriteLine($"{created.Count} bookings, {delivered.Count} distinct events, {_receiver.Received(path).Count} requests");
        Assert.Subset(created, delivered);
    }
}
