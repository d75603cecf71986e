using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPersistenceTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task Data_survives_a_silo_restart_on_postgresql()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Orleans"] = connectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ClusterId"] = "restart-test",
        };

        string sid, key, uid;
        await using (var first = new CalendarAppFactory(settings: settings))
        {
            (sid, key) = await first.CreateAdminClient().CreateSubAccountAsync("On Postgres", "Europe/Paris");
            uid = await first.CreateClientWithKey(key).CreateUserAsync(sid, "Amélie", "amelie@example.com");
        }

        // A new silo (new ports, new process identity) on the same database: the schema is re-applied harmlessly.
        await using var second = new CalendarAppFactory(settings: settings);
        var client = second.CreateClientWithKey(key);
        var (status, account) = await client.GetJsonAsync($"/v1/subaccounts/{sid}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("On Postgres", account!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync($"/v1/subaccounts/{sid}/users/{uid}")).Status);

        var (readyStatus, ready) = await second.CreateClient().GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready!["checks"]!["storage"]!["status"]!.GetValue<string>());
    }
}
