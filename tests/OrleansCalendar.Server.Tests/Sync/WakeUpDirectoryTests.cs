using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.WakeUp;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.WakeUp;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>The embedded mode's wake-up directory: sharded, and filled from the single directory earlier versions kept.</summary>
public sealed class WakeUpDirectoryTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private const string OldDirectory = "outlook-sync-directory";
    private const string Shards = "wake-up-directory";

    [Fact]
    public void Keys_spread_over_64_shards_the_same_way_every_time()
    {
        var shards = Enumerable.Range(0, 10_000).Select(i => WakeUpShards.For("outlook-integration", $"sa_x/usr_{i:D6}")).ToList();

        Assert.Equal(WakeUpShards.Count, shards.Distinct().Count());
        Assert.InRange(shards.GroupBy(s => s).Max(g => g.Count()), 1, 10_000 / WakeUpShards.Count * 2);
        // Pinned: a hash that changed between versions would lose every stored directory entry.
        Assert.Equal("outlook-integration/00", WakeUpShards.For("outlook-integration", "sa_x/usr_000001"));
        Assert.Equal(shards, Enumerable.Range(0, 10_000).Select(i => WakeUpShards.For("outlook-integration", $"sa_x/usr_{i:D6}")));
    }

    [Fact]
    public async Task Integrations_in_the_single_directory_of_earlier_versions_are_handed_over_to_the_shards_and_woken_after_a_restart()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir, key;
        await using (var first = new CalendarAppFactory(settings: settings))
        {
            var s = await SyncScenario.CreateAsync(outlook, first, mailboxName: "Handover");
            (dataDir, key) = (first.DataDir, $"{s.Booking.SubAccountId}/{s.UserId}");

            // As an earlier version left it: listed in the single directory and in no shard.
            var storage = Storage(first);
            await storage.WriteStateAsync(OldDirectory, OldDirectoryId(first), new GrainState<OutlookSyncDirectoryState>(new OutlookSyncDirectoryState { Integrations = { key } }));
            var shard = new GrainState<WakeUpDirectoryState>();
            await storage.ReadStateAsync(Shards, ShardId(first, key), shard);
            Assert.Contains(key, shard.State!.Keys);
            await storage.ClearStateAsync(Shards, ShardId(first, key), shard);
        }

        await using var second = new CalendarAppFactory(dataDir, settings);
        second.Start();
        await Eventually.ValueAsync(
            async () => (await second.CreateAdminClient().GetJsonAsync("/v1/cluster")).Body!["silos"]![0]!["activations"]!["OutlookIntegrationGrain"]?.GetValue<int>(),
            count => count == 1, "the handed-over integration to be woken");

        var old = new GrainState<OutlookSyncDirectoryState>(new OutlookSyncDirectoryState());
        await Storage(second).ReadStateAsync(OldDirectory, OldDirectoryId(second), old);
        Assert.Empty(old.State!.Integrations);
        var moved = new GrainState<WakeUpDirectoryState>();
        await Storage(second).ReadStateAsync(Shards, ShardId(second, key), moved);
        Assert.Equal([key], moved.State!.Keys);
    }

    private static IGrainStorage Storage(CalendarAppFactory app) => app.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    private static GrainId OldDirectoryId(CalendarAppFactory app) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOutlookSyncDirectoryGrain>("all").GetGrainId();

    private static GrainId ShardId(CalendarAppFactory app, string key) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IWakeUpDirectoryGrain>(WakeUpShards.For(OutlookIntegrationGrain.WakeUpKind, key)).GetGrainId();
}
