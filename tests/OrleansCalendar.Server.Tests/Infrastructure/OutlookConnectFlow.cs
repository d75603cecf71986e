using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>Drives the OAuth flow the way a browser does: our API, then Microsoft's authorize page, then our callback.</summary>
public static class OutlookConnectFlow
{
    public const string ReturnUrl = "https://app.example.com/settings/connections";

    /// <summary>Starts connecting and follows Microsoft's redirect back to our callback; returns the callback response.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(
        OutlookFixture outlook, CalendarAppFactory app, HttpClient client, string sid, string uid, string mailboxEmail,
        string access = "readWrite", string scopes = OutlookFixture.ReadWriteScopes, bool deny = false)
    {
        var (status, body) = await client.PostJsonAsync($"/v1/subaccounts/{sid}/users/{uid}/connections/outlook", new { access, returnUrl = ReturnUrl });
        Assert.True(status == HttpStatusCode.Created, $"connect answered {(int)status}: {body?.ToJsonString()}");
        var callback = await SignInAsync(outlook.Outlook, body!["authorizationUrl"]!.GetValue<string>(), mailboxEmail, scopes, deny);
        return await CallbackAsync(app, callback);
    }

    /// <summary>Lets the emulator's authorize endpoint consent and returns where it redirects (our callback URL).</summary>
    public static async Task<Uri> SignInAsync(GraphEmulatorControl outlook, string authorizationUrl, string mailboxEmail, string scopes = OutlookFixture.ReadWriteScopes, bool deny = false)
    {
        outlook.SetNextSignIn(new NextSignIn(mailboxEmail, deny, scopes.Split(' ')));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(new Uri(authorizationUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public static async Task<HttpResponseMessage> CallbackAsync(CalendarAppFactory app, Uri callback)
    {
        if (app.KestrelBaseUrl is { } listener)
        {
            return await CallbackAsync(new Uri(listener, callback.PathAndQuery));
        }

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await client.GetAsync(callback.PathAndQuery);
    }

    /// <summary>The browser's request to the callback on a real listener, without following the redirect it answers.</summary>
    public static async Task<HttpResponseMessage> CallbackAsync(Uri callback)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        return await browser.GetAsync(callback);
    }

    public static async Task<JsonNode> ConnectOkAsync(OutlookFixture outlook, CalendarAppFactory app, HttpClient client, string sid, string uid, string mailboxEmail,
        string access = "readWrite", string scopes = OutlookFixture.ReadWriteScopes)
    {
        using var response = await ConnectAsync(outlook, app, client, sid, uid, mailboxEmail, access, scopes);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"callback answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(ReturnUrl + "?status=connected", response.Headers.Location!.ToString());
        var (status, connection) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/users/{uid}/connections/outlook");
        Assert.Equal(HttpStatusCode.OK, status);
        return connection!;
    }
}
