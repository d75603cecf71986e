using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// The guard of compatibility between releases (docs/contributing.md): three silos of the previous release
/// (<see cref="UpgradeBaseline"/>) replaced one by one with this tree's while bookings run and Outlook syncs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingUpgradeTests(PostgreSqlFixture postgres, ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    private static readonly string[] BookingGrains = ["AppointmentGrain", "AvailabilityGrain", "CalendarGrain"];

    [SkippableFact]
    public async Task Upgrading_from_the_previous_release_silo_by_silo_under_load_keeps_every_booking_and_the_Outlook_integration()
    {
        var unavailable = await UpgradeBaseline.UnavailableReasonAsync();
        Skip.If(unavailable is not null, unavailable);
        var baseline = await UpgradeBaseline.BuildAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, emulator.Server, silos: 3, assembly: baseline);
        var old = cluster.Silos.ToList();
        output.WriteLine($"{old.Count} silos of {UpgradeBaseline.Commit} running");

        // Everything below is written by the old release: the load's members, an Outlook connection, an appointment
        // that the new release moves and cancels, and the calendars booked through every silo while versions mix.
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 4);
        var scenario = load.Scenario;
        var outlookUser = await scenario.Client.CreateUserAsync(scenario.SubAccountId, "Outlook", $"outlook-{Guid.NewGuid():N}@example.com");
        var mailbox = await ClusterOutlook.ConnectAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser);
        var outlookCalendar = await scenario.CreateCalendarAsync(userIds: [outlookUser]);
        var early = await scenario.BookOkAsync(outlookCalendar, BookingScenario.NewYork(daysAhead: 3, hour: 10));
        var mixedCalendars = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var member = await scenario.Client.CreateUserAsync(scenario.SubAccountId, $"Mixed {i}", $"mixed{i}-{Guid.NewGuid():N}@example.com");
            mixedCalendars.Add(await scenario.CreateCalendarAsync(userIds: [member]));
        }

        // While versions are mixed (after the first replacement, before the last), book through every silo.
        var mixedBookings = new List<(string CalendarId, string Id)>();
        await load.RunDuringAsync(workers: 6, () => cluster.ReplaceEverySiloAsync(output, afterEach: async replaced =>
        {
            if (replaced < old.Count)
            {
                mixedBookings.AddRange(await BookThroughEverySiloAsync(cluster, scenario, mixedCalendars, replaced, old));
            }
        }));
        output.WriteLine($"outcomes: {load.Summary()}; 503s retried: {cluster.Retries.Retries}");

        // No 5xx once the retry window is spent, nothing acknowledged lost, no time booked twice; all of it read
        // by the new release alone, since the last old silo has left.
        load.AssertAnsweredWith();
        await load.AssertDurableAndDisjointAsync();
        foreach (var (calendarId, id) in mixedBookings)
        {
            var (status, body) = await scenario.Client.GetJsonAsync($"{scenario.Base}/calendars/{calendarId}/appointments/{id}");
            Assert.True(status == HttpStatusCode.OK && body!["status"]!.GetValue<string>() == "confirmed", $"{id} answered {(int)status}: {body?.ToJsonString()}");
        }

        // The integration the old release connected keeps syncing on the new one: it polls, its tokens decrypt,
        // and Outlook's changes reach the busy view.
        await ClusterOutlook.PolledSinceAsync(emulator.Server, mailbox, DateTimeOffset.UtcNow, "on the new silos");
        await ClusterOutlook.AssertStillSyncingAsync(emulator.Server, scenario.Client, scenario.SubAccountId, outlookUser, mailbox);

        // An appointment the old release booked is moved and cancelled by the new one.
        var appointment = $"{scenario.Base}/calendars/{outlookCalendar}/appointments/{early}";
        var moved = await scenario.Client.SendJsonAsync(HttpMethod.Patch, appointment, new { start = BookingScenario.Iso(BookingScenario.NewYork(daysAhead: 3, hour: 14)) });
        Assert.True(moved.Status == HttpStatusCode.OK, $"moving {early} answered {(int)moved.Status}: {moved.Body?.ToJsonString()}");
        var cancelled = await scenario.Client.SendJsonAsync(HttpMethod.Delete, appointment);
        Assert.True(cancelled.Status == HttpStatusCode.NoContent, $"cancelling {early} answered {(int)cancelled.Status}: {cancelled.Body?.ToJsonString()}");
        Assert.Equal("cancelled", (await scenario.Client.GetJsonAsync(appointment)).Body!["status"]!.GetValue<string>());
    }

    /// <summary>
    /// While old and new silos run side by side, a booking through each silo on each calendar succeeds, and booking
    /// grains live on both old and new silos: requests entering one version are served by grains of the other.
    /// </summary>
    private async Task<List<(string CalendarId, string Id)>> BookThroughEverySiloAsync(
        SiloCluster cluster, BookingScenario scenario, List<string> calendars, int round, List<ServerProcess> old)
    {
        var booked = new List<(string, string)>();
        var silos = cluster.Silos.Where(s => !s.HasExited).ToList();
        var key = scenario.Client.DefaultRequestHeaders.Authorization!.Parameter;
        var refusedByOld = 0;
        for (var i = 0; i < silos.Count; i++)
        {
            using var direct = SiloCluster.Direct(silos[i], key, retry: true);
            foreach (var calendar in calendars)
            {
                // With a key, as the contract tells clients: a 503 retried after the first attempt held the slot
                // (its grain's silo was stopping) learns that attempt's outcome instead of booking anew into it.
                var start = BookingScenario.NewYork(daysAhead: 40 + (7 * round), hour: 9 + i);
                using var request = scenario.BookingRequest(calendar, start, $"mixed-{round}-{i}-{calendar}");
                var (status, body) = await direct.SendJsonAsync(request);
                if (status == HttpStatusCode.Conflict && old.Contains(silos[i]) && body?["code"]?.GetValue<string>() == "slot-unavailable")
                {
                    // An old silo that activates an owner the new release has already moved reads its sealed record,
                    // all busy (docs/availability-storage.md): it refuses instead of booking from a stale view. The
                    // slot was free all along, so the same booking through a new silo lands.
                    refusedByOld++;
                    using var viaNew = SiloCluster.Direct(silos.First(s => !old.Contains(s)), key, retry: true);
                    using var again = scenario.BookingRequest(calendar, start, $"mixed-{round}-{i}-{calendar}-via-new");
                    (status, body) = await viaNew.SendJsonAsync(again);
                }

                Assert.True(status == HttpStatusCode.Created,
                    $"booking through {silos[i].Name} ({(old.Contains(silos[i]) ? "old" : "new")}) answered {(int)status}: {body?.ToJsonString()}");
                booked.Add((calendar, body!["id"]!.GetValue<string>()));
            }
        }

        if (refusedByOld > 0)
        {
            output.WriteLine($"mixed round {round}: {refusedByOld} booking(s) refused by an old silo for a moved owner, then booked through a new one");
        }

        var hosting = (await SiloCluster.MembersAsync(silos[^1]))
            .Where(m => m!["status"]!.GetValue<string>() == "active" && BookingGrains.Any(g => m["activations"]![g]?.GetValue<int>() > 0))
            .Select(m => m!["name"]!.GetValue<string>())
            .ToList();
        output.WriteLine($"mixed round {round}: booking grains on {string.Join(", ", hosting)}");
        Assert.Contains(hosting, name => old.Any(o => o.Name == name));
        Assert.Contains(hosting, name => old.All(o => o.Name != name));
        return booked;
    }
}
