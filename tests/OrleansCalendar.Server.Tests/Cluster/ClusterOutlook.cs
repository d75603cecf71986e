using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;
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
    /// How long an integration may take to poll again after its silo went: the wake-up on a membership change is the
    /// fast path, the integration's reminder (one minute at most) the bound. A busy CI machine once took over 20 s.
    /// </summary>
    private static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(70);

    /// <summary>
    /// Waits until the integration of <paramref name="mailbox"/> polls Outlook (a delta request) after
    /// <paramref name="since"/>. Watched on the emulator's side: asking our API would itself activate the integration.
    /// </summary>
    public static Task PolledSinceAsync(GraphEmulatorServer emulator, TestMailbox mailbox, DateTimeOffset since, string what) =>
        Eventually.TrueAsync(
            () => emulator.Control.GetRequestLog(mailbox.Email).Any(r => r.Timestamp > since && r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase)),
            $"{mailbox.Email} to be polled {what}",
            ResumeBound);

    /// <summary>
    /// A connection made earlier (before an upgrade, before a backup) works here: it reads as connected, its stored
    /// tokens decrypt (it lists the mailbox's calendars at Graph), and an event added in Outlook now reaches the busy view.
    /// </summary>
    public static async Task AssertStillSyncingAsync(GraphEmulatorServer emulator, HttpClient client, string sid, string uid, TestMailbox mailbox)
    {
        var url = $"/v1/subaccounts/{sid}/users/{uid}/connections/outlook";
        var (status, connection) = await client.GetJsonAsync(url);
        Assert.True(status == HttpStatusCode.OK && connection!["status"]!.GetValue<string>() == "connected", $"connection answered {(int)status}: {connection?.ToJsonString()}");
        var (listed, calendars) = await client.GetJsonAsync($"{url}/calendars");
        Assert.True(listed == HttpStatusCode.OK, $"calendars answered {(int)listed}: {calendars?.ToJsonString()}");
        Assert.Contains(mailbox.WorkCalendarId, calendars!.ToJsonString(), StringComparison.Ordinal);

        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(13).AddMinutes(Random.Shared.Next(60));
        var end = start.AddMinutes(45);
        emulator.Control.AddEvent(mailbox.Email, mailbox.WorkCalendarId, new EventSpec("Added in Outlook", start, end) { ShowAs = "busy" });
        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(1)))}";
        await Eventually.ValueAsync(
            async () => (await client.GetJsonAsync($"/v1/subaccounts/{sid}/users/{uid}/busy?{range}")).Body!["intervals"]!.AsArray()
                .Where(i => i!["source"]!.GetValue<string>() == "outlook")
                .Select(i => new { Start = Time(i!["start"]!), End = Time(i["end"]!) })
                .ToList(),
            outlook => outlook.Any(i => i.Start <= start && i.End >= end),
            "the event added in Outlook to show in the busy view",
            TimeSpan.FromSeconds(30));
    }

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many Outlook integrations each silo hosts right now, by silo name.</summary>
    public static Dictionary<string, int> IntegrationsBySilo(JsonArray members) =>
        members.Where(m => m!["status"]!.GetValue<string>() == "active").ToDictionary(
            m => m!["name"]!.GetValue<string>(),
            m => m!["activations"]!["OutlookIntegrationGrain"]?.GetValue<int>() ?? 0);
}
