using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlLegacyAvailabilityMoveTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task Availability_stored_by_the_previous_release_is_moved_and_nothing_is_lost_across_a_restart_on_postgresql()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Orleans"] = await postgres.Server.CreateDatabaseAsync(),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ClusterId"] = "legacy-move-test",
        };
        var dataDir = TempDirectory.Create("oc-legacy-availability-pg");
        await LegacyAvailabilityMoveTests.MoveAsync(() => new CalendarAppFactory(dataDir, settings));
    }
}
