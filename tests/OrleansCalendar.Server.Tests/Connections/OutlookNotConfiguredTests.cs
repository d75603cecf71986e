using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Connections;

public sealed class OutlookNotConfiguredTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    [Fact]
    public async Task Connecting_without_an_app_registration_is_503_outlook_not_configured()
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        (await s.Client.PostJsonAsync($"{s.Base}/users/{s.UserIds[0]}/connections/outlook", new { access = "readWrite" }))
            .AssertProblem(HttpStatusCode.ServiceUnavailable, "outlook-not-configured");
    }
}
