using System.Net;
using Microsoft.AspNetCore.Http;
using OrleansCalendar.Server.Tests.Cluster;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>The embedded server as its own process, killed with SIGKILL right after a burst of bookings.</summary>
public sealed class EventCrashTests
{
    [Fact]
    public async Task Every_booking_answered_201_before_a_kill_9_has_its_created_event_delivered_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var dataDir = TempDirectory.Create("oc-events-crash");
        var environment = new Dictionary<string, string>
        {
            ["Server__DataDir"] = dataDir,
            ["Auth__AdminKey"] = CalendarAppFactory.AdminKey,
            ["Events__AllowPrivateTargets"] = "true",
            ["Events__VerifyAfter"] = "00:00:02",
            ["Events__RetrySchedule"] = "00:00:00.500,00:00:01,00:00:02,00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        // A slow receiver: when the server dies, events are still in its outbox, its queues and in flight.
        var url = receiver.NewUrl(out var path);
        receiver.Answer(path, async _ =>
        {
            await Task.Delay(300);
            return Results.Ok();
        });

        var created = new List<string>();
        string subAccountBase;
        string apiKey;
        await using (var first = await ServerProcess.StartReadyAsync(SiloCluster.ServerAssembly, "embedded", environment, TimeSpan.FromMinutes(2)))
        {
            using var admin = Client(first.BaseUrl, CalendarAppFactory.AdminKey);
            var s = await BookingScenario.CreateAsync(admin, key => Client(first.BaseUrl, key), users: 4);
            (subAccountBase, apiKey) = (s.Base, s.Client.DefaultRequestHeaders.Authorization!.Parameter!);
            var calendars = new List<string>();
            foreach (var user in s.UserIds)
            {
                calendars.Add(await s.CreateCalendarAsync(userIds: [user]));
            }

            await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url, "appointment.created");
            var burst = await Task.WhenAll(calendars.SelectMany(c => Enumerable.Range(0, 10).Select(i => s.BookAsync(c, BookingScenario.NewYork(7, 9 + (i / 2), 30 * (i % 2))))));
            Assert.All(burst, b => Assert.Equal(HttpStatusCode.Created, b.Status));
            created.AddRange(burst.Select(b => b.Body!["id"]!.GetValue<string>()));
            first.Kill();
        }

        var deliveredBefore = Delivered(receiver, path).Count;
        await using (var second = await ServerProcess.StartReadyAsync(SiloCluster.ServerAssembly, "embedded-restarted", environment, TimeSpan.FromMinutes(2)))
        {
            var delivered = await Eventually.ValueAsync(() => Task.FromResult(Delivered(receiver, path)), d => d.IsSupersetOf(created),
                $"every created event after the restart ({deliveredBefore} of {created.Count} had arrived before the kill)", TimeSpan.FromMinutes(2));
            Assert.Subset(created.ToHashSet(), delivered);

            // The restarted server answers for the sub-account the events were about.
            using var client = Client(second.BaseUrl, apiKey);
            Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync(subAccountBase)).Status);
        }

        Directory.Delete(dataDir, recursive: true);
    }

    private static HashSet<string> Delivered(WebhookReceiver receiver, string path) =>
        receiver.Received(path).Select(h => h.Data["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static HttpClient Client(Uri baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}
