using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// A bounded booking load through the balancer: workers book random 30-minute slots of random members (and read
/// free slots in between) until told to stop, and keep what every request answered and how long it took.
/// </summary>
public sealed class BookingLoad
{
    /// <summary>No request may take longer than this, whatever happens to silos.</summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    private const int Days = 30;

    private readonly BookingScenario _scenario;
    private readonly IReadOnlyList<(string CalendarId, string UserId)> _members;
    private readonly ConcurrentBag<Booked> _created = [];
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private readonly ConcurrentBag<(string What, TimeSpan Took, DateTimeOffset At)> _slow = [];
    private readonly ConcurrentQueue<string> _serverErrors = new();

    private BookingLoad(BookingScenario scenario, IReadOnlyList<(string, string)> members)
    {
        _scenario = scenario;
        _members = members;
    }

    public IReadOnlyCollection<Booked> Created => _created;

    /// <summary>Answers by status code ("201", "409", "503", …) or failure ("HttpRequestException", "timeout").</summary>
    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public int Count(string outcome) => _outcomes.GetValueOrDefault(outcome);

    /// <summary>A sub-account with <paramref name="members"/> users, each with a personal calendar.</summary>
    public static async Task<BookingLoad> PrepareAsync(HttpClient admin, Func<string, HttpClient> clientWithKey, int members)
    {
        var scenario = await BookingScenario.CreateAsync(admin, clientWithKey, members);
        var calendars = new List<(string, string)>();
        foreach (var user in scenario.UserIds)
        {
            calendars.Add((await scenario.CreateCalendarAsync(userIds: [user]), user));
        }

        return new BookingLoad(scenario, calendars);
    }

    public BookingScenario Scenario => _scenario;

    /// <summary>Runs <paramref name="workers"/> workers until <paramref name="stop"/> fires; returns when all have finished.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(new Random(w), stop))));

    /// <summary>
    /// Some bookings succeeded and every request got, within <see cref="RequestBound"/>, one of the answers in
    /// <paramref name="allowed"/>: by default those of a healthy service, so no 5xx outlasted the client's retries
    /// and no connection was lost for good.
    /// </summary>
    public void AssertAnsweredWith(params string[] allowed)
    {
        string[] expected = allowed.Length == 0 ? ["201", "200", "409", "422"] : allowed;
        Assert.Empty(Slow);
        Assert.All(Outcomes.Keys, outcome => Assert.True(expected.Contains(outcome), $"unexpected outcome {outcome}: {Summary()}"));
        Assert.True(Count("201") > 0, Summary());
    }

    /// <summary>Runs <paramref name="workers"/> workers from two seconds before <paramref name="action"/> until two seconds after it.</summary>
    public async Task RunDuringAsync(int workers, Func<Task> action)
    {
        using var stop = new CancellationTokenSource();
        var running = RunAsync(workers, stop.Token);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await action();
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    /// <summary>Every 201 is still there, confirmed, and no member has two confirmed appointments that overlap.</summary>
    public Task AssertDurableAndDisjointAsync() => AssertDurableAndDisjointAsync(_created.ToList());

    /// <summary>
    /// Every appointment of <paramref name="kept"/> (say, those acknowledged before a backup) is there, confirmed and
    /// listed, and no member has two confirmed appointments that overlap.
    /// </summary>
    public async Task AssertDurableAndDisjointAsync(IEnumerable<Booked> kept)
    {
        var all = kept.ToList();
        foreach (var booked in all)
        {
            var (status, body) = await _scenario.Client.GetJsonAsync($"{_scenario.Base}/calendars/{booked.CalendarId}/appointments/{booked.Id}");
            Assert.True(status == HttpStatusCode.OK, $"appointment {booked.Id} (201 at {booked.At:O}) answered {(int)status}: {body?.ToJsonString()}");
            Assert.Equal("confirmed", body!["status"]!.GetValue<string>());
        }

        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(Days + 10));
        foreach (var (_, user) in _members)
        {
            var confirmed = new List<(DateTimeOffset Start, DateTimeOffset End, string Id)>();
            string? cursor = null;
            do
            {
                var url = $"{_scenario.Base}/appointments?userId={user}&limit=500&start={Uri.EscapeDataString(BookingScenario.Iso(from))}&end={Uri.EscapeDataString(BookingScenario.Iso(to))}"
                    + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                var (status, page) = await _scenario.Client.GetJsonAsync(url);
                Assert.True(status == HttpStatusCode.OK, $"listing answered {(int)status}: {page?.ToJsonString()}");
                confirmed.AddRange(page!["items"]!.AsArray()
                    .Where(a => a!["status"]!.GetValue<string>() == "confirmed")
                    .Select(a => (Time(a!["start"]!), Time(a["end"]!), a["id"]!.GetValue<string>())));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);

            var ordered = confirmed.OrderBy(a => a.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Start >= ordered[i - 1].End,
                    $"user {user}: {ordered[i - 1].Id} ({ordered[i - 1].Start:O}–{ordered[i - 1].End:O}) overlaps {ordered[i].Id} ({ordered[i].Start:O})");
            }

            // Every acknowledged booking is listed for its member; a missing one is named with when it was acknowledged.
            var listed = ordered.Select(a => a.Id).ToHashSet();
            var missing = all.Where(c => c.UserId == user && !listed.Contains(c.Id)).ToList();
            Assert.True(missing.Count == 0, $"user {user}: acknowledged with 201 but not listed: "
                + string.Join("; ", missing.Select(m => $"{m.Id} at {m.Start:O} on {m.CalendarId}, 201 at {m.At:HH:mm:ss.fff}")));
        }
    }

    /// <summary>Requests that took longer than <see cref="RequestBound"/>.</summary>
    public IReadOnlyCollection<(string What, TimeSpan Took, DateTimeOffset At)> Slow => _slow;

    /// <summary>The outcome counts, and the first few 5xx answers in full, for failure messages.</summary>
    public string Summary() =>
        string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}"))
        + (_serverErrors.IsEmpty ? "" : $"; first 5xx answers: {string.Join(" | ", _serverErrors)}");

    private async Task WorkAsync(Random random, CancellationToken stop)
    {
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        while (!stop.IsCancellationRequested)
        {
            var (calendarId, userId) = _members[random.Next(_members.Count)];
            var date = firstDay.AddDays(random.Next(Days));
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var start = BookingScenario.At(zone, date, 9 + random.Next(8), 30 * random.Next(2));
            var watch = Stopwatch.StartNew();
            var what = $"book {calendarId} {BookingScenario.Iso(start)}";
            try
            {
                using var timeout = new CancellationTokenSource(RequestBound + TimeSpan.FromSeconds(30));
                if (random.Next(5) == 0)
                {
                    what = $"free slots {calendarId} {date}";
                    var (status, _) = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Get,
                        $"{_scenario.Base}/calendars/{calendarId}/free-slots?start={date:yyyy-MM-dd}&end={date:yyyy-MM-dd}"));
                    Record(((int)status).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    var (status, body) = await BookWithRetryAsync(calendarId, start);
                    Record(((int)status).ToString(CultureInfo.InvariantCulture));
                    if (status == HttpStatusCode.Created)
                    {
                        _created.Add(new Booked(body!["id"]!.GetValue<string>(), calendarId, userId, start, DateTimeOffset.UtcNow));
                    }
                }
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                Record("timeout");
            }
            catch (HttpRequestException e)
            {
                // Every attempt's connection broke: the answer stays unknown.
                Record(e.GetType().Name);
            }

            if (watch.Elapsed > RequestBound)
            {
                _slow.Add((what, watch.Elapsed, DateTimeOffset.UtcNow));
            }
        }
    }

    /// <summary>One booking with an <c>Idempotency-Key</c>, so that it can be sent again safely.</summary>
    private Task<(HttpStatusCode Status, JsonNode? Body)> BookWithRetryAsync(string calendarId, DateTimeOffset start)
    {
        var key = Guid.NewGuid().ToString("N");
        return SendWithRetryAsync(() => _scenario.BookingRequest(calendarId, start, key));
    }

    /// <summary>
    /// Sends a request that is safe to repeat (a GET, or a POST with an <c>Idempotency-Key</c>). When the connection
    /// breaks after it was sent (its silo died), the client cannot know the outcome, so it sends it again and learns
    /// it. Only a failure on every attempt stays unknown.
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendWithRetryAsync(Func<HttpRequestMessage> make)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = make();
            try
            {
                using var response = await _scenario.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var body = text.Length == 0 ? null : JsonNode.Parse(text);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable
                    && (response.Headers.RetryAfter is null || body?["code"]?.GetValue<string>() != "temporarily-unavailable"))
                {
                    // The contract's 503 tells the client when to come back; any other is a fault.
                    Record("503 without Retry-After or temporarily-unavailable");
                }

                if ((int)response.StatusCode >= 500 && _serverErrors.Count < 3)
                {
                    _serverErrors.Enqueue($"{request.Method} {request.RequestUri} {(int)response.StatusCode} {text}");
                }

                return (response.StatusCode, body);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                Record("lost-connection-retried");
                await Task.Delay(500);
            }
        }
    }

    private void Record(string outcome) => _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>An appointment that was answered 201, and when.</summary>
    public sealed record Booked(string Id, string CalendarId, string UserId, DateTimeOffset Start, DateTimeOffset At);
}
