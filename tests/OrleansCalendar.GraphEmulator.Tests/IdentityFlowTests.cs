using System.Net;
using Microsoft.Graph.Models.ODataErrors;
using OrleansCalendar.GraphEmulator.Identity;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class IdentityFlowTests
{
    [Fact]
    public async Task Code_flow_with_pkce_returns_the_state_and_tokens_for_the_granted_scopes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);

        var callback = await oauth.AuthorizeAsync(loginHint: "adele@contoso.test");
        Assert.Equal("state-123", callback["state"]);
        var tokens = await oauth.RedeemAsync(callback["code"]);

        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Equal("Bearer", tokens.Text("token_type"));
        Assert.Equal("Calendars.ReadWrite User.Read openid profile offline_access", tokens.Text("scope"));
        Assert.True(tokens.Body.GetProperty("expires_in").GetInt32() > 0);
        Assert.True(tokens.Body.GetProperty("ext_expires_in").GetInt32() > 0);
        Assert.NotNull(tokens.Text("refresh_token"));
        Assert.Equal(3, tokens.Text("id_token")!.Split('.').Length);
        var me = await GraphClients.Create(emulator, tokens.Text("access_token")!).Me.GetAsync();
        Assert.Equal(adele.Id, me!.Id);
    }

    [Fact]
    public async Task Redeeming_with_a_wrong_code_verifier_is_invalid_grant()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var callback = await oauth.AuthorizeAsync();

        var tokens = await oauth.RedeemAsync(callback["code"], verifier: "a-verifier-that-was-never-hashed-into-the-challenge");

        Assert.Equal(HttpStatusCode.BadRequest, tokens.StatusCode);
        Assert.Equal("invalid_grant", tokens.Text("error"));
        Assert.StartsWith("AADSTS501481:", tokens.Text("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeeming_a_code_twice_is_invalid_grant()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var callback = await oauth.AuthorizeAsync();

        var first = await oauth.RedeemAsync(callback["code"]);
        var second = await oauth.RedeemAsync(callback["code"]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", second.Text("error"));
        Assert.Equal(54005, second.Body.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task Declined_consent_redirects_back_with_access_denied_and_the_state()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        emulator.Control.SetNextSignIn(new NextSignIn(Deny: true));
        using var oauth = new OAuthClient(emulator);

        var callback = await oauth.AuthorizeAsync(state: "opaque-state");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("opaque-state", callback["state"]);
        Assert.StartsWith("AADSTS65004:", callback["error_description"], StringComparison.Ordinal);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Refreshing_returns_a_new_refresh_token_that_works_in_turn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var first = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);

        var second = await oauth.RefreshAsync(first.Text("refresh_token")!);
        var third = await oauth.RefreshAsync(second.Text("refresh_token")!);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Text("refresh_token"), second.Text("refresh_token"));
        Assert.NotEqual(first.Text("access_token"), second.Text("access_token"));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(second.Text("refresh_token"), third.Text("refresh_token"));
        Assert.Equal(first.Text("scope"), third.Text("scope"));
    }

    [Fact]
    public async Task Rotated_refresh_tokens_die_when_the_strict_option_is_on()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.InvalidateRotatedRefreshTokens = true);
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var first = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);

        Assert.Equal(HttpStatusCode.OK, (await oauth.RefreshAsync(first.Text("refresh_token")!)).StatusCode);
        var reuse = await oauth.RefreshAsync(first.Text("refresh_token")!);

        Assert.Equal("invalid_grant", reuse.Text("error"));
    }

    [Fact]
    public async Task Refreshing_after_revocation_is_invalid_grant_AADSTS50173_with_the_entra_error_fields()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var tokens = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);

        emulator.Control.RevokeRefreshTokens(adele.Id);
        var refreshed = await oauth.RefreshAsync(tokens.Text("refresh_token")!);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", refreshed.Text("error"));
        Assert.StartsWith("AADSTS50173:", refreshed.Text("error_description"), StringComparison.Ordinal);
        Assert.Equal(50173, refreshed.Body.GetProperty("error_codes")[0].GetInt32());
        Assert.NotNull(refreshed.Text("timestamp"));
        Assert.NotNull(refreshed.Text("trace_id"));
        Assert.NotNull(refreshed.Text("correlation_id"));

        // A new consent after the revocation works again.
        var again = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);
        Assert.Equal(HttpStatusCode.OK, (await oauth.RefreshAsync(again.Text("refresh_token")!)).StatusCode);
    }

    [Fact]
    public async Task Expired_refresh_token_is_invalid_grant_AADSTS70008()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var tokens = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);

        emulator.Control.ExpireRefreshTokens(adele.Id);
        var refreshed = await oauth.RefreshAsync(tokens.Text("refresh_token")!);

        Assert.Equal("invalid_grant", refreshed.Text("error"));
        Assert.StartsWith("AADSTS70008:", refreshed.Text("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_client_secret_is_invalid_client_401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var oauth = new OAuthClient(emulator);
        var callback = await oauth.AuthorizeAsync();

        var tokens = await oauth.RedeemAsync(callback["code"], secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, tokens.StatusCode);
        Assert.Equal("invalid_client", tokens.Text("error"));
        Assert.StartsWith("AADSTS7000215:", tokens.Text("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_client_id_gets_a_400_page_instead_of_a_redirect()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(
            $"{emulator.AuthorizeEndpoint()}?client_id=someone-else&response_type=code&redirect_uri=https%3A%2F%2Fapp.test%2Fcb&scope=openid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS700016", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_granting_only_Calendars_Read_gets_that_scope_and_403_on_writes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        emulator.Control.SetNextSignIn(new NextSignIn(adele.Email, GrantedScopes: ["Calendars.Read", "User.Read", "offline_access", "openid", "profile"]));
        using var oauth = new OAuthClient(emulator);

        var tokens = await oauth.RedeemAsync((await oauth.AuthorizeAsync())["code"]);
        var graph = GraphClients.Create(emulator, tokens.Text("access_token")!);

        Assert.Equal("Calendars.Read User.Read openid profile offline_access", tokens.Text("scope"));
        Assert.NotEmpty((await graph.Me.Calendars.GetAsync())!.Value!);
        var denied = await Assert.ThrowsAsync<ODataError>(() => graph.Me.Calendars[adele.DefaultCalendarId].Events.PostAsync(new Microsoft.Graph.Models.Event
        {
            Subject = "Not allowed",
            Start = new() { DateTime = "2026-12-01T09:00:00", TimeZone = "UTC" },
            End = new() { DateTime = "2026-12-01T10:00:00", TimeZone = "UTC" },
        }));
        Assert.Equal(403, denied.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", denied.Error!.Code);
    }

    [Fact]
    public async Task Expired_access_token_is_401_InvalidAuthenticationToken()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        emulator.Control.ExpireAccessTokens(adele.Id);
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error!.Code);
    }
}
