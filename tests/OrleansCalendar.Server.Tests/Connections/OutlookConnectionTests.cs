using System.Net;
using System.Text;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Connections;

public sealed class OutlookConnectionTests(OutlookFixture outlook) : IClassFixture<OutlookFixture>
{
    private CalendarAppFactory App => outlook.App;

    private async Task<(BookingScenario Scenario, string User, string Url)> UserAsync()
    {
        var s = await BookingScenario.CreateAsync(App);
        return (s, s.UserIds[0], $"{s.Base}/users/{s.UserIds[0]}/connections/outlook");
    }

    [Fact]
    public async Task Connecting_with_read_write_access_stores_the_account_and_lists_every_calendar()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();

        var connection = await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);

        Assert.Equal("connected", connection["status"]!.GetValue<string>());
        Assert.Equal("readWrite", connection["access"]!.GetValue<string>());
        Assert.Equal(mailbox.Email, connection["account"]!["email"]!.GetValue<string>());
        Assert.Null(connection["linkedCalendarId"]);

        // Three calendars over pages of two: all of them, with canEdit as Outlook says.
        var (status, calendars) = await s.Client.GetJsonAsync($"{url}/calendars");
        Assert.Equal(HttpStatusCode.OK, status);
        var items = calendars!["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        Assert.False(items.Single(c => c!["id"]!.GetValue<string>() == mailbox.ReadOnlyCalendarId)!["canEdit"]!.GetValue<bool>());
        Assert.True(items.Single(c => c!["id"]!.GetValue<string>() == mailbox.DefaultCalendarId)!["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_read_only_grant_gives_read_access_which_cannot_have_a_linked_calendar()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();

        // The user asked for readWrite but Microsoft granted only Calendars.Read: access follows the grant.
        var connection = await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email, scopes: OutlookFixture.ReadScopes);
        Assert.Equal("read", connection["access"]!.GetValue<string>());

        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { linkedCalendarId = mailbox.DefaultCalendarId, conflictCalendarIds = new[] { mailbox.WorkCalendarId } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "linked-calendar-read-only");
        var (status, configured) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { conflictCalendarIds = new[] { mailbox.WorkCalendarId } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([mailbox.WorkCalendarId], configured!["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Configuration_follows_the_rules_for_linked_and_conflict_calendars()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);

        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { linkedCalendarId = mailbox.ReadOnlyCalendarId }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "linked-calendar-read-only");
        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { linkedCalendarId = "AAMk-not-a-calendar" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown-calendar");
        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { conflictCalendarIds = new[] { "nope" } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown-calendar");
        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { syncPreferences = new { blockingShowAs = new[] { "sleepy" } } }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", "{\"syncPreferences\":{\"direction\":\"sideways\"}}"))
            .AssertProblem(HttpStatusCode.BadRequest, "malformed-json");

        // The linked calendar is a conflict calendar by default ...
        var (_, linked) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { linkedCalendarId = mailbox.DefaultCalendarId, conflictCalendarIds = new[] { mailbox.ReadOnlyCalendarId } });
        Assert.Equal([mailbox.DefaultCalendarId, mailbox.ReadOnlyCalendarId], linked!["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["busy", "tentative", "oof"], linked["syncPreferences"]!["blockingShowAs"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("oneWay", linked["syncPreferences"]!["direction"]!.GetValue<string>());

        // ... unless the preferences say otherwise.
        var (_, separate) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new
        {
            linkedCalendarId = mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { mailbox.WorkCalendarId },
            syncPreferences = new { linkedCalendarIsConflict = false, direction = "twoWay", onCancel = "markCancelled", blockingShowAs = new[] { "busy" } },
        });
        Assert.Equal([mailbox.WorkCalendarId], separate!["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("twoWay", separate["syncPreferences"]!["direction"]!.GetValue<string>());
        Assert.Equal("markCancelled", separate["syncPreferences"]!["onCancel"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_integration_for_the_same_user_is_409()
    {
        var (s, user, url) = await UserAsync();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, outlook.NewMailbox().Email);

        (await s.Client.PostJsonAsync(url, new { access = "readWrite" })).AssertProblem(HttpStatusCode.Conflict, "integration-exists");
    }

    [Fact]
    public async Task An_outlook_account_connects_to_one_sub_account_until_it_is_disconnected()
    {
        var (first, firstUser, firstUrl) = await UserAsync();
        var (second, secondUser, secondUrl) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, first.Client, first.SubAccountId, firstUser, mailbox.Email);

        using (var refused = await OutlookConnectFlow.ConnectAsync(outlook, App, second.Client, second.SubAccountId, secondUser, mailbox.Email))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("account-in-use", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await second.Client.GetJsonAsync(secondUrl)).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await first.Client.SendJsonAsync(HttpMethod.Delete, firstUrl)).Status);
        (await first.Client.GetJsonAsync(firstUrl)).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
        var connection = await OutlookConnectFlow.ConnectOkAsync(outlook, App, second.Client, second.SubAccountId, secondUser, mailbox.Email);
        Assert.Equal("connected", connection["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Denied_consent_returns_to_the_app_with_status_denied_and_stores_nothing()
    {
        var (s, user, url) = await UserAsync();
        using var response = await OutlookConnectFlow.ConnectAsync(outlook, App, s.Client, s.SubAccountId, user, outlook.NewMailbox().Email, deny: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OutlookConnectFlow.ReturnUrl + "?status=denied", response.Headers.Location!.ToString());
        (await s.Client.GetJsonAsync(url)).AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
    }

    [Fact]
    public async Task A_state_can_be_used_once_and_a_forged_state_is_refused()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        var (_, started) = await s.Client.PostJsonAsync(url, new { access = "readWrite" });
        var callback = await OutlookConnectFlow.SignInAsync(outlook.Outlook, started!["authorizationUrl"]!.GetValue<string>(), mailbox.Email);

        using (var first = await OutlookConnectFlow.CallbackAsync(App, callback))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode); // no returnUrl: a small HTML page
            Assert.Contains("connected", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var reused = await OutlookConnectFlow.CallbackAsync(App, callback))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
            Assert.Contains("invalid-state", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var forged = new Uri($"http://localhost/v1/oauth/outlook/callback?code=abc&state={new string('f', 64)}");
        using var forgedResponse = await OutlookConnectFlow.CallbackAsync(App, forged);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        using var missing = await OutlookConnectFlow.CallbackAsync(App, new Uri("http://localhost/v1/oauth/outlook/callback?code=abc"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task A_revoked_refresh_token_turns_the_connection_to_needs_reconnect_and_reconnecting_keeps_the_configuration()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);
        await s.Client.SendJsonAsync(HttpMethod.Put, $"{url}/configuration", new { linkedCalendarId = mailbox.WorkCalendarId });

        outlook.Outlook.RevokeRefreshTokens(mailbox.Email);
        outlook.Outlook.ExpireAccessTokens(mailbox.Email);
        (await s.Client.GetJsonAsync($"{url}/calendars")).AssertProblem(HttpStatusCode.Conflict, "needs-reconnect");

        var (_, broken) = await s.Client.GetJsonAsync(url);
        Assert.Equal("needsReconnect", broken!["status"]!.GetValue<string>());
        Assert.Contains("AADSTS50173", broken["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        var restored = await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);
        Assert.Equal("connected", restored["status"]!.GetValue<string>());
        Assert.Equal(mailbox.WorkCalendarId, restored["linkedCalendarId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetJsonAsync($"{url}/calendars")).Status);
    }

    [Fact]
    public async Task A_429_storm_is_survived_without_more_than_four_requests_at_once_per_mailbox()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);
        outlook.Outlook.ResetMaxConcurrency();
        // Throttling first (the first matching rule answers), then every other request slowed down so they overlap.
        // Four 429s of a second each fit in the turn budget: the integration waits out each Retry-After and tries again.
        var throttle = outlook.Outlook.AddFault(FaultRule.Throttle("/v1.0/me/calendars", retryAfterSeconds: 1, count: 4, mailbox: mailbox.Id));
        var delay = outlook.Outlook.AddFault(FaultRule.Delay(TimeSpan.FromMilliseconds(50), mailbox: mailbox.Id));
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => s.Client.GetJsonAsync($"{url}/calendars")));

            Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.OK, r.Body?.ToJsonString()));
            Assert.All(results, r => Assert.Equal(3, r.Body!["items"]!.AsArray().Count));
            Assert.Contains(outlook.Outlook.GetRequestLog(mailbox.Id), r => r.StatusCode == 429);
            Assert.InRange(outlook.Outlook.GetMaxConcurrency(mailbox.Id), 1, 4);
        }
        finally
        {
            outlook.Outlook.RemoveFault(delay.Id);
            outlook.Outlook.RemoveFault(throttle.Id);
        }
    }

    [Fact]
    public async Task Tokens_are_never_stored_or_logged_in_plain_text()
    {
        var (s, user, url) = await UserAsync();
        var mailbox = outlook.NewMailbox();
        await OutlookConnectFlow.ConnectOkAsync(outlook, App, s.Client, s.SubAccountId, user, mailbox.Email);
        outlook.Outlook.ExpireAccessTokens(mailbox.Email);
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetJsonAsync($"{url}/calendars")).Status); // forces a refresh: rotated tokens stored too

        var tokens = outlook.Outlook.ListIssuedTokens(mailbox.Email);
        Assert.True(tokens.Count >= 4, "expected the first grant and a refreshed one");
        var storage = new StringBuilder();
        foreach (var file in Directory.GetFiles(App.DataDir, "orleans.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            storage.Append(await reader.ReadToEndAsync());
        }

        Assert.Contains(mailbox.Email, storage.ToString(), StringComparison.Ordinal); // the grep does see grain state
        var logs = string.Join('\n', App.Logs.Lines);
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(token, storage.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Connecting_needs_a_user_of_the_sub_account_and_a_valid_body()
    {
        var (s, _, url) = await UserAsync();
        (await s.Client.PostJsonAsync($"{s.Base}/users/usr_aaaaaaaaaaaaaaaaaaaa/connections/outlook", new { access = "readWrite" })).AssertProblem(HttpStatusCode.NotFound, "user-not-found");
        (await s.Client.PostJsonAsync(url, new { })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.PostJsonAsync(url, new { access = "readWrite", returnUrl = "javascript:alert(1)" })).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.PostJsonAsync(url, "{\"access\":\"everything\"}")).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Event_calendars_cannot_be_linked_to_outlook()
    {
        var s = await BookingScenario.CreateAsync(App);
        var workshop = await s.CreateCalendarAsync("event");
        var personal = await s.CreateCalendarAsync();

        (await s.Client.SendJsonAsync(HttpMethod.Put, $"{s.Base}/calendars/{workshop}/linked-calendar", new { provider = "outlook" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "outlook-unsupported-for-event-calendars");
        var (status, linked) = await s.Client.SendJsonAsync(HttpMethod.Put, $"{s.Base}/calendars/{personal}/linked-calendar", new { provider = "outlook" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(linked!["outlookSync"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{personal}/linked-calendar")).Status);
        var (_, unlinked) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{personal}");
        Assert.False(unlinked!["outlookSync"]!.GetValue<bool>());
        var (_, workshopCalendar) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{workshop}");
        Assert.False(workshopCalendar!["outlookSync"]!.GetValue<bool>());
    }
}
