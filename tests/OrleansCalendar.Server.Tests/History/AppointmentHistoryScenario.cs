using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

/// <summary>
/// Two months of appointments booked by a server whose clock runs 70 days behind (so they are history now), then a
/// server on the real clock over the same storage: the ended holds leave the availability grain for the archive,
/// and listing, paging, reschedule and cancel work across the boundary, before and after a restart.
/// </summary>
internal sealed class AppointmentHistoryScenario(Func<TimeProvider?, CalendarAppFactory> startServer)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public async Task RunAsync()
    {
        var past = new AdjustableClock(TimeSpan.FromDays(-70));
        var from = DateTimeOffset.UtcNow.AddDays(-75);
        var to = DateTimeOffset.UtcNow.AddDays(60);
        Expected expected;
        string key;
        await using (var then = startServer(past))
        {
            var s = await BookingScenario.CreateAsync(then);
            key = s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
            var cid = await s.CreateCalendarAsync();
            expected = new Expected(s.SubAccountId, cid, s.UserIds[0]);
            foreach (var start in Weekdays(past.GetUtcNow(), first: 2, last: 60, every: 3))
            {
                expected.Booked(await s.BookOkAsync(cid, start), start);
            }

            foreach (var i in new[] { 2, 7, 11 })
            {
                var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Delete, expected.Url(i));
                Assert.Equal(HttpStatusCode.NoContent, status);
                expected.Cancelled(i);
            }

            var moved = expected.Start(4).AddHours(1);
            var (movedStatus, movedBody) = await s.Client.SendJsonAsync(HttpMethod.Patch, expected.Url(4), new { start = BookingScenario.Iso(moved) });
            Assert.True(movedStatus == HttpStatusCode.OK, movedBody?.ToJsonString());
            expected.Moved(4, moved);

            await expected.AssertListedAsync(s.Client, from, to, limit: 500);
        }

        await using (var now = startServer(null))
        {
            var client = now.CreateClientWithKey(key);
            foreach (var daysAhead in new[] { 3, 10, 17 })
            {
                var start = BookingScenario.NewYork(daysAhead, 11);
                var (status, body) = await client.PostJsonAsync(expected.BookUrl, new { start = BookingScenario.Iso(start), contact = new { name = "Future" } });
                Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
                expected.Booked(body!["id"]!.GetValue<string>(), start);
            }

            // Ended holds leave the availability grain: its busy view of the past empties out.
            await Eventually.ValueAsync(
                () => client.GetJsonAsync($"{expected.Base}/users/{expected.UserId}/busy?start={Iso(from)}&end={Iso(DateTimeOffset.UtcNow.AddDays(-2))}"),
                r => r.Status == HttpStatusCode.OK && r.Body!["intervals"]!.AsArray().Count == 0,
                "the ended holds to move to the archive");

            await expected.AssertListedAsync(client, from, to, limit: 4);
            await expected.AssertListedAsync(client, from, to, limit: 7, query: $"&userId={expected.UserId}&calendarId={expected.CalendarId}");

            // An appointment from the archive is moved into the future: listed once, at its new time, and holding it.
            var newTime = BookingScenario.NewYork(24, 14);
            var (patched, patchedBody) = await client.SendJsonAsync(HttpMethod.Patch, expected.Url(0), new { start = BookingScenario.Iso(newTime) });
            Assert.True(patched == HttpStatusCode.OK, patchedBody?.ToJsonString());
            expected.Moved(0, newTime);
            var (taken, _) = await client.PostJsonAsync(expected.BookUrl, new { start = BookingScenario.Iso(newTime), contact = new { name = "Late" } });
            Assert.Equal(HttpStatusCode.Conflict, taken);

            var (cancelled, _) = await client.SendJsonAsync(HttpMethod.Delete, expected.Url(1));
            Assert.Equal(HttpStatusCode.NoContent, cancelled);
            expected.Cancelled(1);

            await expected.AssertListedAsync(client, from, to, limit: 5);
        }

        await using var restarted = startServer(null);
        await expected.AssertListedAsync(restarted.CreateClientWithKey(key), from, to, limit: 6);
    }

    private static IEnumerable<DateTimeOffset> Weekdays(DateTimeOffset now, int first, int last, int every)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var day = first; day <= last; day += every)
        {
            var date = today.AddDays(day);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return BookingScenario.At(NewYork, date, 10, 0);
            }
        }
    }

    private static string Iso(DateTimeOffset value) => Uri.EscapeDataString(BookingScenario.Iso(value));

    /// <summary>What the listing must show: every appointment, in order, with its time and status.</summary>
    private sealed class Expected(string subAccountId, string calendarId, string userId)
    {
        private readonly List<(string Id, DateTimeOffset Start, string Status)> _appointments = [];

        public string UserId => userId;

        public string CalendarId => calendarId;

        public string Base => $"/v1/subaccounts/{subAccountId}";

        public string BookUrl => $"{Base}/calendars/{calendarId}/appointments";

        public string Url(int index) => $"{BookUrl}/{_appointments[index].Id}";

        public DateTimeOffset Start(int index) => _appointments[index].Start;

        public void Booked(string id, DateTimeOffset start) => _appointments.Add((id, start, "confirmed"));

        public void Cancelled(int index) => _appointments[index] = _appointments[index] with { Status = "cancelled" };

        public void Moved(int index, DateTimeOffset start) => _appointments[index] = _appointments[index] with { Start = start };

        public async Task AssertListedAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to, int limit, string query = "")
        {
            var listed = new List<(string Id, DateTimeOffset Start, string Status)>();
            string? cursor = null;
            do
            {
                var url = $"{Base}/appointments?start={Iso(from)}&end={Iso(to)}&limit={limit}{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                var (status, page) = await client.GetJsonAsync(url);
                Assert.True(status == HttpStatusCode.OK, page?.ToJsonString());
                var items = page!["items"]!.AsArray();
                Assert.True(items.Count <= limit);
                listed.AddRange(items.Select(Read));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);

            var want = _appointments.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(want.Select(Show), listed.Select(Show));
        }

        private static (string Id, DateTimeOffset Start, string Status) Read(JsonNode? item) =>
            (item!["id"]!.GetValue<string>(), DateTimeOffset.Parse(item["start"]!.GetValue<string>(), CultureInfo.InvariantCulture), item["status"]!.GetValue<string>());

        private static string Show((string Id, DateTimeOffset Start, string Status) a) =>
            $"{a.Id} {a.Start.UtcDateTime:O} {a.Status}";
    }
}
