using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>A sub-account with users, and helpers to create calendars and book on them through the API.</summary>
public sealed class BookingScenario
{
    private BookingScenario(HttpClient client, string subAccountId, IReadOnlyList<string> userIds)
    {
        Client = client;
        SubAccountId = subAccountId;
        UserIds = userIds;
    }

    public HttpClient Client { get; }

    public string SubAccountId { get; }

    public IReadOnlyList<string> UserIds { get; }

    public string Base => $"/v1/subaccounts/{SubAccountId}";

    public static Task<BookingScenario> CreateAsync(CalendarAppFactory app, int users = 1, string timeZone = "America/New_York") =>
        CreateAsync(app.CreateAdminClient(), app.CreateClientWithKey, users, timeZone);

    /// <summary>The same through any server: <paramref name="clientWithKey"/> makes a client that sends a sub-account key.</summary>
    public static async Task<BookingScenario> CreateAsync(HttpClient admin, Func<string, HttpClient> clientWithKey, int users = 1, string timeZone = "America/New_York")
    {
        var (sid, key) = await admin.CreateSubAccountAsync("Clinic", timeZone);
        var client = clientWithKey(key);
        var ids = new List<string>();
        for (var i = 0; i < users; i++)
        {
            ids.Add(await client.CreateUserAsync(sid, $"Member {i}", $"member{i}-{Guid.NewGuid():N}@example.com"));
        }

        return new BookingScenario(client, sid, ids);
    }

    /// <summary>Creates a calendar; <paramref name="overrides"/> are merged over a 09:00–17:00 weekday calendar.</summary>
    public async Task<string> CreateCalendarAsync(string type = "personal", IEnumerable<string>? userIds = null, object? overrides = null)
    {
        var body = new JsonObject
        {
            ["name"] = $"{type} calendar",
            ["type"] = type,
            ["userIds"] = new JsonArray((userIds ?? (type == "event" ? [] : UserIds.Take(type == "personal" ? 1 : UserIds.Count))).Select(u => (JsonNode?)u).ToArray()),
            ["timeZone"] = "America/New_York",
            ["slotDurationMinutes"] = 30,
            ["slotIntervalMinutes"] = 30,
            ["bookingWindowDays"] = 365,
            ["weeklyHours"] = WeekdayHours("09:00", "17:00"),
        };
        if (overrides is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(overrides, ApiClientExtensions.Json))!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var (status, created) = await Client.PostJsonAsync($"{Base}/calendars", body.ToJsonString());
        Assert.True(status == HttpStatusCode.Created, $"calendar not created: {(int)status} {created?.ToJsonString()}");
        return created!["id"]!.GetValue<string>();
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> BookAsync(string calendarId, DateTimeOffset start, string? userId = null, string name = "Pat Doe") =>
        Client.PostJsonAsync($"{Base}/calendars/{calendarId}/appointments", new
        {
            start = Iso(start),
            userId,
            title = "Consultation",
            contact = new { name, email = "pat@example.com" },
        });

    /// <summary>A booking request with an <c>Idempotency-Key</c>, so that it can be sent again safely.</summary>
    public HttpRequestMessage BookingRequest(string calendarId, DateTimeOffset start, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/calendars/{calendarId}/appointments")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { start = Iso(start), title = "Consultation", contact = new { name = "Pat Doe", email = "pat@example.com" } }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public async Task<string> BookOkAsync(string calendarId, DateTimeOffset start, string? userId = null)
    {
        var (status, body) = await BookAsync(calendarId, start, userId);
        Assert.True(status == HttpStatusCode.Created, $"booking {Iso(start)} failed: {(int)status} {body?.ToJsonString()}");
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Free slot starts (UTC) of a calendar for the given local dates.</summary>
    public async Task<List<DateTimeOffset>> FreeSlotStartsAsync(string calendarId, DateOnly from, DateOnly to, string? userId = null)
    {
        var url = $"{Base}/calendars/{calendarId}/free-slots?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}" + (userId is null ? "" : $"&userId={userId}");
        var (status, body) = await Client.GetJsonAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"free-slots failed: {(int)status} {body?.ToJsonString()}");
        return body!["days"]!.AsArray()
            .SelectMany(d => d!["slots"]!.AsArray())
            .Select(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime())
            .ToList();
    }

    /// <summary>Every half hour of a 09:00–17:00 weekday calendar in New York, from <paramref name="daysAhead"/> days from now on.</summary>
    public static IEnumerable<DateTimeOffset> HalfHours(int daysAhead)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        for (var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead); ; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var half = 0; half < 16; half++)
            {
                yield return At(zone, date, 9 + (half / 2), 30 * (half % 2));
            }
        }
    }

    public static JsonObject WeekdayHours(string start, string end)
    {
        var hours = new JsonObject();
        foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday" })
        {
            hours[day] = new JsonArray(new JsonObject { ["start"] = start, ["end"] = end });
        }

        return hours;
    }

    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A local time on a weekday at least <paramref name="daysAhead"/> days from now, in New York.</summary>
    public static DateTimeOffset NewYork(int daysAhead, int hour, int minute = 0, DayOfWeek day = DayOfWeek.Wednesday)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return At(zone, date, hour, minute);
    }

    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateOnly LocalDate(DateTimeOffset value) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
}
