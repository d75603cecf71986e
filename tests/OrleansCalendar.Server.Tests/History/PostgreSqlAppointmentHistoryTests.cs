using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAppointmentHistoryTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task History_of_any_age_is_listed_and_changed_across_the_archive_boundary_on_postgresql()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Orleans"] = await postgres.Server.CreateDatabaseAsync(),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ClusterId"] = "history-test",
        };
        var dataDir = TempDirectory.Create("oc-history-pg");
        await new AppointmentHistoryScenario(clock => new CalendarAppFactory(dataDir, settings, clock: clock)).RunAsync();
    }
}
