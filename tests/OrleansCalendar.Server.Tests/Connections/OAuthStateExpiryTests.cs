using System.Net;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Connections;

public sealed class OAuthStateExpiryTests
{
    [Fact]
    public async Task An_expired_state_is_refused_and_nothing_is_stored()
    {
        await using var emulator = await GraphEmulatorServer.StartAsync();
        await using var app = new CalendarAppFactory(settings: OutlookFixture.Settings(emulator, new Dictionary<string, string?> { ["Outlook:AuthorizationLifetime"] = "00:00:01" }));
        var s = await BookingScenario.CreateAsync(app);
        var url = $"{s.Base}/users/{s.UserIds[0]}/connections/outlook";
        var email = $"late-{Guid.NewGuid():N}@contoso.test";
        emulator.Control.AddMailbox(email, "Late Larry");

        var (_, started) = await s.Client.PostJsonAsync(url, new { access = "readWrite" });
        var callback = await OutlookConnectFlow.SignInAsync(emulator.Control, started!["authorizationUrl"]!.GetValue<string>(), email);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await OutlookConnectFlow.CallbackAsync(app, callback);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid-state", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await s.Client.GetJsonAsync(url)).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
    }
}
