using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class TenantIsolationTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    /// <summary>
    /// Walks every route under /v1/subaccounts/{sid} the server has, so a route added later is covered
    /// without touching this test: another tenant's key must get the same 404 as a sub-account that does not exist.
    /// </summary>
    [Fact]
    public async Task Every_sub_account_route_answers_404_to_another_tenants_key()
    {
        var admin = _app.CreateAdminClient();
        var (victim, victimKey) = await admin.CreateSubAccountAsync("Victim");
        var (_, attackerKey) = await admin.CreateSubAccountAsync("Attacker");
        var victimUser = await _app.CreateClientWithKey(victimKey).CreateUserAsync(victim, "Vic", "vic@example.com");
        var attacker = _app.CreateClientWithKey(attackerKey);

        var routes = SubAccountRoutes().ToList();
        Assert.NotEmpty(routes);
        foreach (var (method, pattern) in routes)
        {
            var url = pattern
                .Replace("{sid}", victim, StringComparison.Ordinal)
                .Replace("{uid}", victimUser, StringComparison.Ordinal);
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", "x_aaaaaaaaaaaaaaaaaaaa");
            var body = method is "POST" or "PUT" or "PATCH" ? "{}" : null;

            var response = await attacker.SendJsonAsync(new HttpMethod(method), url, body);

            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.Status} to another tenant: {response.Body?.ToJsonString()}");
            Assert.Equal("subaccount-not-found", response.Body?["code"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_user_id_of_another_sub_account_is_not_found_even_for_the_admin()
    {
        var admin = _app.CreateAdminClient();
        var (a, _) = await admin.CreateSubAccountAsync("A");
        var (b, _) = await admin.CreateSubAccountAsync("B");
        var userOfA = await admin.CreateUserAsync(a, "Ann", "ann@example.com");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync($"/v1/subaccounts/{a}/users/{userOfA}")).Status);
        (await admin.GetJsonAsync($"/v1/subaccounts/{b}/users/{userOfA}")).AssertProblem(HttpStatusCode.NotFound, "user-not-found");
    }

    [Fact]
    public async Task Listing_users_shows_only_the_callers_sub_account()
    {
        var admin = _app.CreateAdminClient();
        var (a, keyA) = await admin.CreateSubAccountAsync("A");
        var (b, _) = await admin.CreateSubAccountAsync("B");
        await admin.CreateUserAsync(a, "Ann", "ann@example.com");
        await admin.CreateUserAsync(b, "Bob", "bob@example.com");

        var (status, body) = await _app.CreateClientWithKey(keyA).GetJsonAsync($"/v1/subaccounts/{a}/users");

        Assert.Equal(HttpStatusCode.OK, status);
        var names = body!["items"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Ann"], names);
    }

    private IEnumerable<(string Method, string Pattern)> SubAccountRoutes()
    {
        var sources = _app.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/v1/subaccounts/{sid}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (method, pattern.TrimEnd('/'));
            }
        }
    }
}
