using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OrleansCalendar.Server.Tests.Cluster;
using OrleansCalendar.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansCalendar.Server.Tests.Operations;

/// <summary>The embedded store on a disk that fills up under booking load: an 8 MB tmpfs holding the data directory.</summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task On_a_full_disk_bookings_answer_503_then_land_once_space_is_back_and_nothing_acknowledged_is_lost()
    {
        var disk = TempDirectory.Create("oc-small-disk");
        var (mounted, refusal) = await Command.ExecuteAsync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk], disk);
        Skip.If(mounted != 0, $"this machine does not allow mounting a small tmpfs (mount exited with {mounted}: {refusal.Trim()})");
        try
        {
            await FillAndFreeAsync(disk);
        }
        finally
        {
            await Command.ExecuteAsync("umount", [disk], Path.GetTempPath());
            Directory.Delete(disk, recursive: true);
        }
    }

    private async Task FillAndFreeAsync(string disk)
    {
        await using var cluster = await SiloCluster.StartEmbeddedAsync(emulator: null, dataDir: disk);
        var load = await BookingLoad.PrepareAsync(cluster.Client(), key => cluster.Client(key), members: 3);
        var scenario = load.Scenario;
        var probeUser = await scenario.Client.CreateUserAsync(scenario.SubAccountId, "Probe", $"probe-{Guid.NewGuid():N}@example.com");
        var probeCalendar = await scenario.CreateCalendarAsync(userIds: [probeUser]);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 3, stop.Token);
        await Eventually.TrueAsync(() => load.Count("201") >= 10, "bookings before the disk fills", TimeSpan.FromSeconds(60));

        var filler = Path.Combine(disk, "filler");
        Fill(filler);
        output.WriteLine($"disk full at {load.Count("201")} bookings");

        // While the disk is full each booking of the probe's own calendar, sent once, is refused with the contract's
        // 503 or (in space SQLite still had) accepted; never a 500.
        using var probe = SiloCluster.Direct(cluster.Silos[0], scenario.Client.DefaultRequestHeaders.Authorization!.Parameter);
        using var slots = BookingScenario.HalfHours(daysAhead: 2).GetEnumerator();
        var refused = new List<(DateTimeOffset Start, string Key)>();
        var accepted = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (refused.Count < 5 && DateTime.UtcNow < deadline)
        {
            slots.MoveNext();
            var key = Guid.NewGuid().ToString("N");
            using var response = await probe.SendAsync(scenario.BookingRequest(probeCalendar, slots.Current, key));
            var body = await BodyAsync(response);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"a booking on the full disk answered {(int)response.StatusCode}: {body?.ToJsonString()}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add(body!["id"]!.GetValue<string>());
                continue;
            }

            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("temporarily-unavailable", body!["code"]!.GetValue<string>());
            refused.Add((slots.Current, key));
        }

        Assert.True(refused.Count > 0, $"no booking was refused while the disk was full ({accepted.Count} accepted)");

        // Space is back: every refused booking, sent again with its key, lands; the load books again without a restart.
        File.Delete(filler);
        var freedAt = DateTimeOffset.UtcNow;
        foreach (var (start, key) in refused)
        {
            using var response = await scenario.Client.SendAsync(scenario.BookingRequest(probeCalendar, start, key));
            var body = await BodyAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"the retried booking of {BookingScenario.Iso(start)} answered {(int)response.StatusCode}: {body?.ToJsonString()}");
            accepted.Add(body!["id"]!.GetValue<string>());
        }

        await Eventually.TrueAsync(() => load.Created.Any(c => c.At > freedAt), "the load to book again", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        output.WriteLine($"outcomes: {load.Summary()}; probe: {refused.Count} refused and retried, {accepted.Count} accepted in all");
        load.AssertAnsweredWith("201", "200", "409", "422", "503");

        // The database is intact, and after a restart on it nothing that was acknowledged is missing.
        var server = cluster.Silos[0];
        await cluster.StopAsync(server);
        Assert.Equal("ok", IntegrityCheck(Path.Combine(disk, "orleans.db")));
        await cluster.AddSiloAsync(dataDir: disk);
        await load.AssertDurableAndDisjointAsync();
        foreach (var id in accepted)
        {
            var (status, body) = await scenario.Client.GetJsonAsync($"{scenario.Base}/calendars/{probeCalendar}/appointments/{id}");
            Assert.True(status == HttpStatusCode.OK && body!["status"]!.GetValue<string>() == "confirmed", $"{id} answered {(int)status}: {body?.ToJsonString()}");
        }
    }

    /// <summary>Writes <paramref name="filler"/> until the file system has no byte left.</summary>
    private static void Fill(string filler)
    {
        var chunk = new byte[64 * 1024];
        using var file = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // No space left on the device: full, as wanted.
        }
    }

    private static async Task<JsonNode?> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static string? IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        return check.ExecuteScalar() as string;
    }
}
