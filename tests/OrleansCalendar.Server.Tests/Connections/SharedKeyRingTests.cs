using System.Net;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Connections;

[Collection(PostgreSqlCollection.Name)]
public sealed class SharedKeyRingTests(PostgreSqlFixture postgres)
{
    /// <summary>
    /// Two silos with separate data directories share only the database: tokens one encrypted must be readable by
    /// the other, which holds only if the key ring lives in PostgreSQL.
    /// </summary>
    [Fact]
    public async Task Tokens_stored_by_one_silo_are_used_by_another_on_postgresql()
    {
        await using var emulator = await GraphEmulatorServer.StartAsync();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var settings = OutlookFixture.Settings(emulator, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Orleans"] = connectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ClusterId"] = "key-ring-test",
        });
        var email = $"shared-{Guid.NewGuid():N}@contoso.test";
        emulator.Control.AddMailbox(email, "Shared Key");
        var outlook = OutlookFixture.For(emulator);

        string url, key;
        await using (var first = new CalendarAppFactory(settings: settings))
        {
            var s = await BookingScenario.CreateAsync(first);
            key = s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
            url = $"{s.Base}/users/{s.UserIds[0]}/connections/outlook";
            await OutlookConnectFlow.ConnectOkAsync(outlook, first, s.Client, s.SubAccountId, s.UserIds[0], email);
        }

        await using var second = new CalendarAppFactory(settings: settings);
        var (status, calendars) = await second.CreateClientWithKey(key).GetJsonAsync($"{url}/calendars");

        Assert.True(status == HttpStatusCode.OK, calendars?.ToJsonString());
        Assert.NotEmpty(calendars!["items"]!.AsArray());
    }
}
