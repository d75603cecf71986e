using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class SqlitePersistenceTests
{
    [Fact]
    public async Task Sub_accounts_users_and_keys_survive_a_process_restart()
    {
        var dataDir = TempDirectory.Create("oc-restart");
        string sid, key, uid;
        await using (var first = new CalendarAppFactory(dataDir))
        {
            (sid, key) = await first.CreateAdminClient().CreateSubAccountAsync("Persisted", "Asia/Tokyo");
            uid = await first.CreateClientWithKey(key).CreateUserAsync(sid, "Yuki", "yuki@example.com");
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "orleans.db")), "the SQLite store is not in the data directory");

        await using var second = new CalendarAppFactory(dataDir);
        var client = second.CreateClientWithKey(key);
        var (status, account) = await client.GetJsonAsync($"/v1/subaccounts/{sid}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Asia/Tokyo", account!["timeZone"]!.GetValue<string>());

        var (userStatus, user) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/users/{uid}");
        Assert.Equal(HttpStatusCode.OK, userStatus);
        Assert.Equal("yuki@example.com", user!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_embedded_store_runs_in_wal_mode()
    {
        await using var app = new CalendarAppFactory();
        await app.CreateAdminClient().CreateSubAccountAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDir, "orleans.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
