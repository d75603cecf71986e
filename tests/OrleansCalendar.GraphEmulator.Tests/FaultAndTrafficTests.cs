using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class FaultAndTrafficTests
{
    [Fact]
    public async Task Throttling_rule_answers_429_with_Retry_After_and_a_Graph_error_body()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        var token = emulator.Control.IssueTokens(adele.Id).AccessToken;
        var rule = emulator.Control.AddFault(FaultRule.Throttle("/v1.0/me/calendars", retryAfterSeconds: 7, count: 1, method: "GET"));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var throttled = await http.GetAsync($"{emulator.GraphBaseUrl}/me/calendars");
        using var next = await http.GetAsync($"{emulator.GraphBaseUrl}/me/calendars");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        var body = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("TooManyRequests", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var log = emulator.Control.GetRequestLog(adele.Email);
        Assert.Equal([429, 200], log.Select(e => e.StatusCode));
        Assert.Equal(rule.Id, log[0].FaultRuleId);
    }

    [Fact]
    public async Task Sdk_retries_after_a_throttled_response_and_succeeds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        emulator.Control.AddFault(FaultRule.Throttle("/v1.0/me", retryAfterSeconds: 1, count: 1, mailbox: adele.Email));

        var me = await graph.Me.GetAsync();

        Assert.Equal(adele.Id, me!.Id);
        Assert.Equal([429, 200], emulator.Control.GetRequestLog(adele.Id).Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Fault_rules_match_only_their_mailbox_and_run_out_after_their_count()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        var megan = emulator.Control.AddMailbox("megan@contoso.test", "Megan Bowen");
        emulator.Control.AddFault(FaultRule.Fail(503, count: 2, mailbox: megan.Id));
        using var http = new HttpClient();

        async Task<int> GetMeAsync(string mailbox)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{emulator.GraphBaseUrl}/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Control.IssueTokens(mailbox).AccessToken);
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await GetMeAsync(adele.Id));
        Assert.Equal(503, await GetMeAsync(megan.Id));
        Assert.Equal(503, await GetMeAsync(megan.Id));
        Assert.Equal(200, await GetMeAsync(megan.Id));
        Assert.Empty(emulator.Control.ListFaults());
    }

    [Fact]
    public async Task Peak_in_flight_requests_per_mailbox_are_recorded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        var megan = emulator.Control.AddMailbox("megan@contoso.test", "Megan Bowen");
        emulator.Control.AddFault(FaultRule.Delay(TimeSpan.FromMilliseconds(400), mailbox: adele.Id));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Control.IssueTokens(adele.Id).AccessToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.GetAsync($"{emulator.GraphBaseUrl}/me")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(6, emulator.Control.GetMaxConcurrency(adele.Id));
        Assert.Equal(0, emulator.Control.GetMaxConcurrency(megan.Id));
        emulator.Control.ResetMaxConcurrency();
        Assert.Equal(0, emulator.Control.GetMaxConcurrency(adele.Id));
    }

    [Fact]
    public async Task Mailbox_concurrency_limit_throttles_the_fifth_parallel_request()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.MailboxConcurrencyLimit = 4);
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        emulator.Control.AddFault(FaultRule.Delay(TimeSpan.FromMilliseconds(400)));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Control.IssueTokens(adele.Id).AccessToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync($"{emulator.GraphBaseUrl}/me")));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var throttled = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains("ApplicationThrottled", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_api_over_http_adds_events_and_lists_the_request_log()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var mailbox = await http.PostAsync("/_emulator/mailboxes",
            new StringContent("""{"email":"adele@contoso.test","displayName":"Adele Vance"}""", System.Text.Encoding.UTF8, "application/json"));
        var adele = JsonDocument.Parse(await mailbox.Content.ReadAsStringAsync()).RootElement;
        var calendarId = adele.GetProperty("defaultCalendarId").GetString();

        using var added = await http.PostAsync($"/_emulator/mailboxes/adele@contoso.test/calendars/{calendarId}/events",
            new StringContent("""{"subject":"From a demo","start":{"dateTime":"2026-12-01T09:00:00","timeZone":"UTC"},"end":{"dateTime":"2026-12-01T10:00:00","timeZone":"UTC"}}""",
                System.Text.Encoding.UTF8, "application/json"));
        var events = JsonDocument.Parse(await http.GetStringAsync($"/_emulator/mailboxes/adele@contoso.test/events")).RootElement;

        Assert.Equal(HttpStatusCode.Created, mailbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("From a demo", Assert.Single(events.EnumerateArray()).GetProperty("subject").GetString());
        Assert.Equal("busy", events[0].GetProperty("showAs").GetString());
        using var unknown = await http.GetAsync("/_emulator/mailboxes/nobody@contoso.test/events");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_lost_answer_fault_carries_the_request_out_and_answers_the_fault_instead()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Control.IssueTokens(adele.Id).AccessToken);
        emulator.Control.AddFault(FaultRule.FailAfterHandling(504, "/v1.0/me/events", method: "POST"));
        const string body = """{"subject":"Lost answer","start":{"dateTime":"2026-12-02T10:00:00","timeZone":"UTC"},"end":{"dateTime":"2026-12-02T11:00:00","timeZone":"UTC"},"transactionId":"txn-1"}""";

        using var lost = await http.PostAsync($"{emulator.GraphBaseUrl}/me/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var retried = await http.PostAsync($"{emulator.GraphBaseUrl}/me/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, lost.StatusCode);
        Assert.Equal("gatewayTimeout", JsonDocument.Parse(await lost.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Single(emulator.Control.ListEvents(adele.Id), e => e.Subject == "Lost answer");
    }

    [Fact]
    public async Task Fault_rules_can_match_on_the_query_string()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var adele = emulator.Control.AddMailbox("adele@contoso.test", "Adele Vance");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Control.IssueTokens(adele.Id).AccessToken);
        emulator.Control.AddFault(FaultRule.Fail(503, "/v1.0/me/calendars", count: null) with { QueryContains = "$top=1" });

        using var plain = await http.GetAsync($"{emulator.GraphBaseUrl}/me/calendars");
        using var matching = await http.GetAsync($"{emulator.GraphBaseUrl}/me/calendars?%24top=1");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, matching.StatusCode);
    }
}
