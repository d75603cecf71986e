using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>Three real silo processes on PostgreSQL; one of them is killed with SIGKILL while bookings run.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(PostgreSqlFixture postgres, ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task Killing_one_of_three_silos_under_booking_load_loses_no_confirmed_appointment_and_its_integrations_sync_on()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 3);
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 4);

        // Outlook users of their own, not booked by the load: nothing but their own timers keeps them polling.
        var mailboxes = new List<TestMailbox>();
        var connectedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            var user = await load.Scenario.Client.CreateUserAsync(load.Scenario.SubAccountId, $"Outlook {i}", $"outlook{i}-{Guid.NewGuid():N}@example.com");
            mailboxes.Add(await ClusterOutlook.ConnectAsync(emulator.Server, load.Scenario.Client, load.Scenario.SubAccountId, user));
        }

        foreach (var mailbox in mailboxes)
        {
            await ClusterOutlook.PolledSinceAsync(emulator.Server, mailbox, connectedAt, "once connected");
        }

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The victim is the silo hosting the most Outlook integrations, so the test sees some of them move.
        var hosted = ClusterOutlook.IntegrationsBySilo(await SiloCluster.MembersAsync(cluster.Silos[0]));
        var victim = cluster.Silos.Single(s => s.Name == hosted.MaxBy(h => h.Value).Key);
        Assert.True(hosted[victim.Name] > 0, $"no silo hosts an integration: {string.Join(", ", hosted)}");
        var killedAt = DateTimeOffset.UtcNow;
        cluster.Kill(victim);
        output.WriteLine($"killed {victim.Name} hosting {hosted[victim.Name]} of {mailboxes.Count} integrations at {killedAt:O}");

        await Task.Delay(TimeSpan.FromSeconds(12));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; 503s retried: {cluster.Retries.Retries}");

        Assert.Empty(load.Slow);
        // Requests in flight on the killed silo lose their connection; sent again with their Idempotency-Key they
        // learn their outcome. So every request is answered in the end, and no 5xx outlasts the retry window.
        Assert.DoesNotContain("timeout", load.Outcomes.Keys);
        Assert.DoesNotContain(nameof(HttpRequestException), load.Outcomes.Keys);
        Assert.DoesNotContain(load.Outcomes.Keys, outcome => outcome.StartsWith('5'));
        Assert.Contains(load.Created, c => c.At > killedAt.AddSeconds(5));
        await load.AssertDurableAndDisjointAsync();

        // The survivors agree the victim is gone, and every integration, the victim's included, polls again.
        await cluster.WaitForActiveSilosAsync(2);
        var resumedAfter = DateTimeOffset.UtcNow;
        foreach (var mailbox in mailboxes)
        {
            await ClusterOutlook.PolledSinceAsync(emulator.Server, mailbox, resumedAfter, "again after the failover");
        }

        var survivors = ClusterOutlook.IntegrationsBySilo(await SiloCluster.MembersAsync(cluster.Silos.First(s => !s.HasExited)));
        Assert.DoesNotContain(victim.Name, survivors.Keys);
        Assert.True(survivors.Values.Sum() >= mailboxes.Count, $"integrations active on the survivors: {string.Join(", ", survivors)}");

        // And booking goes on through every survivor.
        foreach (var silo in cluster.Silos.Where(s => !s.HasExited))
        {
            using var direct = SiloCluster.Direct(silo, load.Scenario.Client.DefaultRequestHeaders.Authorization!.Parameter);
            var (status, _) = await direct.GetJsonAsync($"{load.Scenario.Base}");
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task The_same_Outlook_account_connected_through_two_silos_at_the_same_moment_connects_once()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 2);
        var mailbox = OutlookFixture.For(emulator.Server).NewMailbox();
        var callbacks = new List<Uri>();
        var scenarios = new List<BookingScenario>();
        foreach (var silo in cluster.Silos)
        {
            using var admin = SiloCluster.Direct(silo);
            var scenario = await BookingScenario.CreateAsync(admin, key => SiloCluster.Direct(silo, key));
            scenarios.Add(scenario);
            callbacks.Add(await ClusterOutlook.AuthorizeAsync(emulator.Server, scenario.Client, scenario.SubAccountId, scenario.UserIds[0], mailbox.Email));
        }

        Assert.Equal(2, callbacks.Select(c => c.Port).Distinct().Count());
        var responses = await Task.WhenAll(callbacks.Select(OutlookConnectFlow.CallbackAsync));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var outcomes = string.Join(" | ", responses.Zip(bodies).Select(r => $"{(int)r.First.StatusCode} {r.First.Headers.Location} {r.Second}"));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1, outcomes);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 1, outcomes);
        Assert.Contains("account-in-use", bodies[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Conflict)], StringComparison.Ordinal);

        // Each silo agrees on who holds the account, whichever silo is asked.
        var connected = 0;
        foreach (var (scenario, silo) in scenarios.Zip(cluster.Silos.Reverse()))
        {
            using var other = SiloCluster.Direct(silo, scenario.Client.DefaultRequestHeaders.Authorization!.Parameter);
            var (status, _) = await other.GetJsonAsync($"{scenario.Base}/users/{scenario.UserIds[0]}/connections/outlook");
            connected += status == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, connected);
    }
}
