using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class AuthenticationTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task Request_without_a_key_is_401_problem_with_a_bearer_challenge()
    {
        var client = _app.CreateClient();
        using var response = await client.GetAsync("/v1/subaccounts/sa_aaaaaaaaaaaaaaaaaaaa");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        (await client.GetJsonAsync("/v1/subaccounts/sa_aaaaaaaaaaaaaaaaaaaa")).AssertProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("sk-sa_aaaaaaaaaaaaaaaaaaaa.forged")]
    [InlineData("sk-.x")]
    [InlineData("sk-sa_aaaaaaaaaaaaaaaaaaaa.")]
    public async Task Unknown_or_forged_key_is_401(string key)
    {
        var client = _app.CreateClientWithKey(key);
        (await client.GetJsonAsync("/v1/subaccounts/sa_aaaaaaaaaaaaaaaaaaaa")).AssertProblem(HttpStatusCode.Unauthorized, "unauthorized");
        (await client.PostJsonAsync("/v1/subaccounts", new { name = "x", timeZone = "UTC" })).AssertProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_key_of_another_scheme_is_401()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", "dXNlcjpwYXNz");
        (await client.GetJsonAsync("/v1/subaccounts/sa_aaaaaaaaaaaaaaaaaaaa")).AssertProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Sub_account_key_cannot_create_sub_accounts()
    {
        var (_, key) = await _app.CreateAdminClient().CreateSubAccountAsync();
        var client = _app.CreateClientWithKey(key);

        (await client.PostJsonAsync("/v1/subaccounts", new { name = "Evil", timeZone = "UTC" }))
            .AssertProblem(HttpStatusCode.Forbidden, "admin-key-required");
    }

    [Fact]
    public async Task Sub_account_key_reaches_its_own_sub_account_and_the_key_is_not_shown_again()
    {
        var (id, key) = await _app.CreateAdminClient().CreateSubAccountAsync("Acme", "Europe/Berlin");
        var (status, body) = await _app.CreateClientWithKey(key).GetJsonAsync($"/v1/subaccounts/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, body!["id"]!.GetValue<string>());
        Assert.Equal("Acme", body["name"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", body["timeZone"]!.GetValue<string>());
        Assert.Null(body["apiKey"]);
    }

    [Fact]
    public async Task Admin_key_reaches_every_sub_account()
    {
        var admin = _app.CreateAdminClient();
        var (id, _) = await admin.CreateSubAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync($"/v1/subaccounts/{id}")).Status);
        (await admin.GetJsonAsync("/v1/subaccounts/sa_aaaaaaaaaaaaaaaaaaaa")).AssertProblem(HttpStatusCode.NotFound, "subaccount-not-found");
    }

    [Fact]
    public async Task Generated_admin_key_is_written_to_the_data_directory_and_works()
    {
        await using var app = new CalendarAppFactory(settings: new Dictionary<string, string?> { ["Auth:AdminKey"] = null });
        _ = app.Server;
        var path = Path.Combine(app.DataDir, "admin-key.txt");
        Assert.True(File.Exists(path), "admin-key.txt was not written");
        // Read the bytes as a shell would (`cat`): no byte-order mark, nothing but the key.
        var key = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(path));
        Assert.Matches("^ak-[A-Za-z0-9_-]{43}$", key);

        Assert.Equal(HttpStatusCode.Created, (await app.CreateClientWithKey(key).PostJsonAsync("/v1/subaccounts", new { name = "A", timeZone = "UTC" })).Status);
        (await app.CreateClientWithKey(CalendarAppFactory.AdminKey).PostJsonAsync("/v1/subaccounts", new { name = "A", timeZone = "UTC" }))
            .AssertProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
