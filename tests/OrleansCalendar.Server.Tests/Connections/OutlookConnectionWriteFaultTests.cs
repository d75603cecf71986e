using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Connections;

/// <summary>
/// Connect, configure and disconnect with each of their writes failing in turn (every grain's writes, before and after
/// they reached storage), then the client's retry, then a restart on the same data: each Outlook account has exactly
/// one holder, and no busy time is left of a calendar or a connection that is gone.
/// </summary>
public sealed class OutlookConnectionWriteFaultTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private static readonly Func<WriteTarget, bool> AnyWrite = _ => true;

    [Fact]
    public async Task Connect_completes_on_retry_whichever_write_fails_and_the_account_keeps_one_holder_after_a_restart()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir;
        BookingScenario outsider;
        SweepResult<(BookingScenario User, TestMailbox Mailbox, Uri Callback)> sweep;
        await using (var app = new CalendarAppFactory(settings: settings, injectStorageFaults: true))
        {
            dataDir = app.DataDir;
            outsider = await BookingScenario.CreateAsync(app);
            sweep = await WriteFaultSweep.RunAsync(app.Faults!, AnyWrite,
                arrange: async () =>
                {
                    var user = await BookingScenario.CreateAsync(app);
                    var mailbox = outlook.NewMailbox();
                    return (User: user, Mailbox: mailbox, Callback: await AuthorizeAsync(user, mailbox.Email));
                },
                operation: async c => (await OutlookConnectFlow.CallbackAsync(app, c.Callback)).Dispose(),
                idle: c => IdleAsync(c.User.Client, Url(c.User)),
                retry: async c =>
                {
                    if (await StatusAsync(c.User.Client, Url(c.User)) != "connected")
                    {
                        await OutlookConnectFlow.ConnectOkAsync(outlook, app, c.User.Client, c.User.SubAccountId, c.User.UserIds[0], c.Mailbox.Email);
                    }

                    await IdleAsync(c.User.Client, Url(c.User));
                },
                check: c => AssertAccountInUseAsync(app, outsider.Client, outsider, c.Mailbox));
        }

        sweep.AssertEveryPositionFailed();
        await using var restarted = new CalendarAppFactory(dataDir, settings);
        var outsiderClient = restarted.CreateClientWithKey(Key(outsider));
        foreach (var (user, mailbox, _) in sweep.Cases)
        {
            var client = restarted.CreateClientWithKey(Key(user));
            Assert.Equal("connected", await StatusAsync(client, Url(user)));
            await AssertAccountInUseAsync(restarted, outsiderClient, outsider, mailbox);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendJsonAsync(HttpMethod.Delete, Url(user))).Status);
            await OutlookConnectFlow.ConnectOkAsync(outlook, restarted, outsiderClient, outsider.SubAccountId, outsider.UserIds[0], mailbox.Email);
            Assert.Equal(HttpStatusCode.NoContent, (await outsiderClient.SendJsonAsync(HttpMethod.Delete, Url(outsider))).Status);
        }
    }

    [Fact]
    public async Task Configure_completes_on_retry_whichever_write_fails_and_a_calendar_taken_out_leaves_no_busy_time_even_after_a_restart()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir;
        SweepResult<SyncScenario> sweep;
        await using (var app = new CalendarAppFactory(settings: settings, injectStorageFaults: true))
        {
            dataDir = app.DataDir;
            sweep = await WriteFaultSweep.RunAsync(app.Faults!, AnyWrite,
                arrange: () => ScenarioWithWorkBusyAsync(app),
                operation: s => s.Client.SendJsonAsync(HttpMethod.Put, $"{s.ConnectionUrl}/configuration", LinkedOnly(s)),
                idle: s => IdleAsync(s.Client, s.ConnectionUrl),
                retry: async s =>
                {
                    var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{s.ConnectionUrl}/configuration", LinkedOnly(s));
                    Assert.Equal(HttpStatusCode.OK, status);
                    await IdleAsync(s.Client, s.ConnectionUrl);
                },
                check: s => AssertOnlyLinkedCalendarBlocksAsync(s.Client, s));
        }

        sweep.AssertEveryPositionFailed();
        await using var restarted = new CalendarAppFactory(dataDir, settings);
        foreach (var s in sweep.Cases)
        {
            await AssertOnlyLinkedCalendarBlocksAsync(restarted.CreateClientWithKey(Key(s.Booking)), s);
        }
    }

    [Fact]
    public async Task Disconnect_completes_on_retry_whichever_write_fails_and_leaves_no_busy_time_and_a_free_account_even_after_a_restart()
    {
        var settings = OutlookFixture.Settings(outlook.Emulator, SyncFixture.SyncSettings);
        string dataDir;
        BookingScenario outsider;
        SweepResult<SyncScenario> sweep;
        await using (var app = new CalendarAppFactory(settings: settings, injectStorageFaults: true))
        {
            dataDir = app.DataDir;
            outsider = await BookingScenario.CreateAsync(app);
            sweep = await WriteFaultSweep.RunAsync(app.Faults!, AnyWrite,
                arrange: () => ScenarioWithWorkBusyAsync(app),
                operation: s => s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl),
                idle: _ => Task.CompletedTask,
                retry: async s =>
                {
                    var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl);
                    Assert.True(status is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"the retried disconnect answered {(int)status}");
                },
                check: s => AssertGoneAsync(s.Client, s));
        }

        sweep.AssertEveryPositionFailed();
        await using var restarted = new CalendarAppFactory(dataDir, settings);
        var outsiderClient = restarted.CreateClientWithKey(Key(outsider));
        foreach (var s in sweep.Cases)
        {
            await AssertGoneAsync(restarted.CreateClientWithKey(Key(s.Booking)), s);
            await OutlookConnectFlow.ConnectOkAsync(outlook, restarted, outsiderClient, outsider.SubAccountId, outsider.UserIds[0], s.Mailbox.Email);
            Assert.Equal(HttpStatusCode.NoContent, (await outsiderClient.SendJsonAsync(HttpMethod.Delete, Url(outsider))).Status);
        }
    }

    private async Task<SyncScenario> ScenarioWithWorkBusyAsync(CalendarAppFactory app)
    {
        var s = await SyncScenario.CreateAsync(outlook, app);
        s.AddWorkEvent("Planning", BookingScenario.NewYork(7, 14), BookingScenario.NewYork(7, 15));
        await s.SyncAsync();
        Assert.Contains(await s.BusyAsync(BookingScenario.NewYork(7, 0), BookingScenario.NewYork(7, 23)), b => b.Source == "outlook");
        return s;
    }

    private static object LinkedOnly(SyncScenario s) => new { linkedCalendarId = s.Mailbox.DefaultCalendarId, conflictCalendarIds = Array.Empty<string>() };

    private static async Task AssertOnlyLinkedCalendarBlocksAsync(HttpClient client, SyncScenario s)
    {
        var (_, connection) = await client.GetJsonAsync(s.ConnectionUrl);
        Assert.Equal([s.Mailbox.DefaultCalendarId], connection!["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(await OutlookBusyAsync(client, s));
    }

    private static async Task AssertGoneAsync(HttpClient client, SyncScenario s)
    {
        (await client.GetJsonAsync(s.ConnectionUrl)).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
        Assert.Empty(await OutlookBusyAsync(client, s));
    }

    private static async Task<List<string>> OutlookBusyAsync(HttpClient client, SyncScenario s)
    {
        var from = Uri.EscapeDataString(BookingScenario.Iso(BookingScenario.NewYork(7, 0)));
        var to = Uri.EscapeDataString(BookingScenario.Iso(BookingScenario.NewYork(7, 23)));
        var (status, body) = await client.GetJsonAsync($"{s.Booking.Base}/users/{s.UserId}/busy?start={from}&end={to}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body!["intervals"]!.AsArray().Where(i => i!["source"]!.GetValue<string>() == "outlook").Select(i => i!.ToJsonString())];
    }

    /// <summary>Another user connecting the account is refused: it has a holder.</summary>
    private async Task AssertAccountInUseAsync(CalendarAppFactory app, HttpClient client, BookingScenario outsider, TestMailbox mailbox)
    {
        using var refused = await OutlookConnectFlow.ConnectAsync(outlook, app, client, outsider.SubAccountId, outsider.UserIds[0], mailbox.Email);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("account-in-use", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Uri> AuthorizeAsync(BookingScenario user, string mailboxEmail)
    {
        var (status, body) = await user.Client.PostJsonAsync(Url(user), new { access = "readWrite", returnUrl = OutlookConnectFlow.ReturnUrl });
        Assert.Equal(HttpStatusCode.Created, status);
        return await OutlookConnectFlow.SignInAsync(outlook.Outlook, body!["authorizationUrl"]!.GetValue<string>(), mailboxEmail);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string url)
    {
        var (status, body) = await client.GetJsonAsync(url);
        return status == HttpStatusCode.OK ? body!["status"]!.GetValue<string>() : null;
    }

    /// <summary>Waits until the connection's background sync has finished (at once when there is no connection).</summary>
    private static Task<JsonNode?> IdleAsync(HttpClient client, string url) =>
        Eventually.ValueAsync(
            async () => await client.GetJsonAsync(url) is (HttpStatusCode.OK, var body) ? body : null,
            c => c?["syncing"]?.GetValue<bool>() != true,
            "the sync to finish",
            TimeSpan.FromSeconds(45));

    private static string Url(BookingScenario s) => $"{s.Base}/users/{s.UserIds[0]}/connections/outlook";

    private static string Key(BookingScenario s) => s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
}
