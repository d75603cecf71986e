using System.Net;
using System.Text;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class BadInputTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"name\": 12, \"timeZone\": \"UTC\"}")]
    [InlineData("[]")]
    public async Task Malformed_json_is_400_malformed_json(string body)
    {
        var response = await _app.CreateAdminClient().PostJsonAsync("/v1/subaccounts", body);
        response.AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Unknown_json_field_is_400_naming_the_field()
    {
        var response = await _app.CreateAdminClient().PostJsonAsync("/v1/subaccounts", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"plan\":\"gold\"}");

        response.AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
        Assert.NotNull(response.Body!["errors"]!["plan"]);
        Assert.DoesNotContain("OrleansCalendar", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_400_with_every_error_listed()
    {
        var response = await _app.CreateAdminClient().PostJsonAsync("/v1/subaccounts", new { name = "  ", timeZone = "Eastern Standard Time" });

        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(response.Body!["errors"]!["name"]);
        Assert.NotNull(response.Body["errors"]!["timeZone"]);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("EST5EDT-nope")]
    [InlineData("")]
    public async Task Unknown_time_zone_is_400(string zone)
    {
        var response = await _app.CreateAdminClient().PostJsonAsync("/v1/subaccounts", new { name = "A", timeZone = zone });
        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(response.Body!["errors"]!["timeZone"]);
    }

    [Fact]
    public async Task Overlong_name_is_400()
    {
        var response = await _app.CreateAdminClient().PostJsonAsync("/v1/subaccounts", new { name = new string('x', 201), timeZone = "UTC" });
        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("")]
    public async Task Bad_user_email_is_400_and_nothing_is_created(string email)
    {
        var admin = _app.CreateAdminClient();
        var (sid, _) = await admin.CreateSubAccountAsync();

        (await admin.PostJsonAsync($"/v1/subaccounts/{sid}/users", new { name = "Ann", email })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");

        var (_, list) = await admin.GetJsonAsync($"/v1/subaccounts/{sid}/users");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Duplicate_user_email_is_409()
    {
        var admin = _app.CreateAdminClient();
        var (sid, _) = await admin.CreateSubAccountAsync();
        await admin.CreateUserAsync(sid, "Ann", "ann@example.com");

        (await admin.PostJsonAsync($"/v1/subaccounts/{sid}/users", new { name = "Ann 2", email = "ANN@example.com" }))
            .AssertProblem(HttpStatusCode.Conflict, "email-in-use");
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var content = new StringContent("name=A", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _app.CreateAdminClient().PostAsync("/v1/subaccounts", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=501")]
    [InlineData("?limit=abc")]
    [InlineData("?cursor=%%%")]
    [InlineData("?cursor=Zm9v")]
    public async Task Bad_paging_parameters_are_400(string query)
    {
        var admin = _app.CreateAdminClient();
        var (sid, _) = await admin.CreateSubAccountAsync();
        var response = await admin.GetJsonAsync($"/v1/subaccounts/{sid}/users{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Body!["code"]);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem()
    {
        (await _app.CreateAdminClient().GetJsonAsync("/v1/nothing-here")).AssertProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Malformed_ids_in_the_path_are_404()
    {
        var admin = _app.CreateAdminClient();
        (await admin.GetJsonAsync("/v1/subaccounts/..%2F..%2Fetc")).AssertProblem(HttpStatusCode.NotFound, "subaccount-not-found");
        var (sid, _) = await admin.CreateSubAccountAsync();
        (await admin.GetJsonAsync($"/v1/subaccounts/{sid}/users/not-an-id")).AssertProblem(HttpStatusCode.NotFound, "user-not-found");
    }
}
