using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>Connecting Outlook through a cluster: the OAuth round trip lands on whichever silo started it.</summary>
public static class ClusterOutlook
{
    /// <summary>Starts connecting through <paramref name="client"/> and signs in at the emulator; returns the callback URL.</summary>
    public static async Task<Uri> AuthorizeAsync(GraphEmulatorServer emulator, HttpClient client, string sid, string uid, string mailboxEmail)
    {
        var (status, body) = await client.PostJsonAsync($"/v1/subaccounts/{sid}/users/{uid}/connections/outlook",
            new { access = "readWrite", returnUrl = OutlookConnectFlow.ReturnUrl });
        Assert.True(status == HttpStatusCode.Created, $"connect answered {(int)status}: {body?.ToJsonString()}");
        return await OutlookConnectFlow.SignInAsync(emulator.Control, body!["authorizationUrl"]!.GetValue<string>(), mailboxEmail);
    }

    /// <summary>Connects the user to a new mailbox and configures it (default calendar linked, Work as conflict calendar).</summary>
    public static async Task<TestMailbox> ConnectAsync(GraphEmulatorServer emulator, HttpClient client, string sid, string uid)
    {
        var mailbox = OutlookFixture.For(emulator).NewMailbox();
        var callback = await AuthorizeAsync(emulator, client, sid, uid, mailbox.Email);
        using var response = await OutlookConnectFlow.CallbackAsync(callback);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"callback answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var url = $"/v1/subaccounts/{sid}/users/{uid}/connections/outlook";
        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration",
            new { linkedCalendarId = mailbox.DefaultCalendarId, conflictCalendarIds = new[] { mailbox.WorkCalendarId } });
        Assert.True(status == HttpStatusCode.OK, $"configuration answered {(int)status}: {body?.ToJsonString()}");
        return mailbox;
    }

    /// <summary>
    /// Waits until the integration of <paramref name="mailbox"/> polls Outlook (a delta request) after
    /// <paramref name="since"/>. Watched on the emulator's side: asking our API would itself activate the integration.
    /// </summary>
    public static Task PolledSinceAsync(GraphEmulatorServer emulator, TestMailbox mailbox, DateTimeOffset since, string what) =>
        Eventually.TrueAsync(
            () => emulator.Control.GetRequestLog(mailbox.Email).Any(r => r.Timestamp > since && r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase)),
            $"{mailbox.Email} to be polled {what}",
            TimeSpan.FromSeconds(20));

    /// <summary>How many Outlook integrations each silo hosts right now, by silo name.</summary>
    public static Dictionary<string, int> IntegrationsBySilo(JsonArray members) =>
        members.Where(m => m!["status"]!.GetValue<string>() == "active").ToDictionary(
            m => m!["name"]!.GetValue<string>(),
            m => m!["activations"]!["OutlookIntegrationGrain"]?.GetValue<int>() ?? 0);
}
