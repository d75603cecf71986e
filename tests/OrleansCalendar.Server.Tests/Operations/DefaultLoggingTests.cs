using System.Net;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Tests.Cluster;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Operations;

/// <summary>What the server process writes to its console with the logging configuration it ships with.</summary>
public sealed class DefaultLoggingTests(ITestOutputHelper output, GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    // The Orleans runtime warns about a machine starved of CPU (a stalled thread, a slow turn) whenever it happens:
    // those entries describe the test machine, not the requests.
    private static readonly string[] StarvationWarnings = ["warn: Orleans.Runtime.Watchdog[", "warn: Orleans.Runtime.Scheduler.WorkItemGroup["];

    [Fact]
    public async Task The_console_shows_start_up_and_where_the_admin_key_is_and_nothing_per_request_or_activation()
    {
        await using var cluster = await SiloCluster.StartEmbeddedAsync(emulator.Server);
        var server = cluster.Silos[0];
        Assert.Contains(server.Output.Split('\n'), line => line.Contains(Path.Combine(server.DataDir, AdminKeyStore.FileName), StringComparison.Ordinal));

        // Each booking activates an appointment grain and is pushed to Outlook; periodic sync polls all along.
        var scenario = await BookingScenario.CreateAsync(cluster.Client(), key => cluster.Client(key));
        var user = scenario.UserIds[0];
        var mailbox = await ClusterOutlook.ConnectAsync(emulator.Server, scenario.Client, scenario.SubAccountId, user);
        var calendar = await scenario.CreateCalendarAsync(userIds: [user]);
        using var slots = BookingScenario.HalfHours(daysAhead: 2).GetEnumerator();
        var booked = 0;
        async Task<List<string>> EntriesAfterAsync(int bookings)
        {
            for (var i = 0; i < bookings; i++)
            {
                slots.MoveNext();
                var id = await scenario.BookOkAsync(calendar, slots.Current);
                Assert.Equal(HttpStatusCode.OK, (await scenario.Client.GetJsonAsync($"{scenario.Base}/calendars/{calendar}/appointments/{id}")).Status);
            }

            booked += bookings;
            await Eventually.TrueAsync(() => emulator.Server.Control.ListEvents(mailbox.Email, mailbox.DefaultCalendarId).Count == booked,
                $"{booked} appointments to reach Outlook", TimeSpan.FromSeconds(120));
            return await SettledEntriesAsync(server);
        }

        var afterFew = await EntriesAfterAsync(20);
        var afterMany = await EntriesAfterAsync(200);
        var added = afterMany.Skip(afterFew.Count).Where(entry => !StarvationWarnings.Any(w => entry.StartsWith(w, StringComparison.Ordinal))).ToList();
        output.WriteLine($"{afterFew.Count} entries after 20 bookings:\n{string.Join('\n', afterFew)}\nadded by 200 more:\n{string.Join('\n', added)}");

        Assert.Contains(afterFew, entry => entry.StartsWith("info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.Contains(afterFew, entry => entry.StartsWith("info: OrleansCalendar.Server.Storage.SchemaMigrator", StringComparison.Ordinal));
        Assert.Contains(afterFew, entry => entry.StartsWith("warn: OrleansCalendar.Server.Auth.AdminKeyStore", StringComparison.Ordinal));
        Assert.True(added.Count == 0, $"200 more bookings added {added.Count} log entries:\n{string.Join('\n', added)}");
    }

    /// <summary>The console logger writes from a queue of its own: the entries once they stop changing.</summary>
    private static async Task<List<string>> SettledEntriesAsync(ServerProcess server)
    {
        var seen = server.InformationOrAboveEntries.ToList();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = server.InformationOrAboveEntries.ToList();
            if (now.Count == seen.Count)
            {
                return now;
            }

            seen = now;
        }
    }
}
