using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class PagingTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    [Fact]
    public async Task Users_are_listed_in_pages_until_the_cursor_is_null()
    {
        var admin = fixture.App.CreateAdminClient();
        var (sid, _) = await admin.CreateSubAccountAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await admin.CreateUserAsync(sid, $"User {i}", $"user{i}@example.com"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/v1/subaccounts/{sid}/users?limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var (status, body) = await admin.GetJsonAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(body!["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
            cursor = body["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }
}
