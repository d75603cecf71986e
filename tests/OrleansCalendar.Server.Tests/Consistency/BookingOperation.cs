using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Consistency;

/// <summary>
/// One booking operation in a sub-account of its own (so its storage writes can be told apart), run the way a client
/// retries it, and what must hold afterwards.
/// </summary>
internal sealed class BookingOperation
{
    public static readonly string[] Names = ["book personal", "book collective", "book round robin", "book event calendar", "book public page", "reschedule", "cancel"];

    private const int Attempts = 6;

    private readonly string _name;
    private readonly string _key;
    private readonly string _base;
    private readonly string _calendarId;
    private readonly IReadOnlyList<string> _members;
    private readonly DateTimeOffset _time;
    private readonly DateTimeOffset _movedTo;
    private string? _appointmentId;

    private BookingOperation(string name, string description, string key, string subAccountBase, string calendarId, IReadOnlyList<string> members, DateTimeOffset time, string? appointmentId)
    {
        _name = name;
        Description = $"{name}: {description}";
        _key = key;
        _base = subAccountBase;
        _calendarId = calendarId;
        _members = members;
        _time = time;
        _movedTo = time.AddDays(1);
        _appointmentId = appointmentId;
        SubAccountId = subAccountBase.Split('/')[^1];
    }

    public string Description { get; }

    public string SubAccountId { get; }

    /// <summary>The writes of this operation's grains: every one of them is keyed under its sub-account.</summary>
    public bool OwnWrites(WriteTarget write) => write.GrainId.Contains(SubAccountId, StringComparison.Ordinal);

    private string CalendarBase => $"{_base}/calendars/{_calendarId}";

    private bool Confirmed => _name != "cancel";

    private DateTimeOffset ExpectedStart => _name == "reschedule" ? _movedTo : _time;

    public static async Task<BookingOperation> PrepareAsync(string name, CalendarAppFactory app, string description = "no fault")
    {
        var type = name switch
        {
            "book collective" => "collective",
            "book round robin" => "roundRobin",
            "book event calendar" => "event",
            _ => "personal",
        };
        var s = await BookingScenario.CreateAsync(app, users: type is "collective" or "roundRobin" ? 2 : 1);
        var cid = await s.CreateCalendarAsync(type, overrides: name == "book public page" ? new { publicBooking = true } : null);
        var members = type == "event" ? Array.Empty<string>() : type == "personal" ? [s.UserIds[0]] : s.UserIds.ToArray();
        var time = BookingScenario.NewYork(14, 10);
        string? existing = name is "reschedule" or "cancel" ? await s.BookOkAsync(cid, time) : null;
        return new BookingOperation(name, description, s.Client.DefaultRequestHeaders.Authorization!.Parameter!, s.Base, cid, members, time, existing)
        {
            Client = s.Client,
            Public = app.CreateClient(),
        };
    }

    private HttpClient Client { get; init; } = null!;

    private HttpClient Public { get; init; } = null!;

    /// <summary>Runs the operation, sending the same request again after every 503, until it is answered.</summary>
    public async Task RunAsync()
    {
        var idempotencyKey = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var (status, body) = await SendAsync(idempotencyKey);
            if (status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NoContent)
            {
                _appointmentId ??= body!["id"]!.GetValue<string>();
                return;
            }

            Assert.True(status == HttpStatusCode.ServiceUnavailable && attempt < Attempts,
                $"{Description}: attempt {attempt} answered {(int)status} {body?.ToJsonString()}");
        }
    }

    private Task<(HttpStatusCode, JsonNode?)> SendAsync(string idempotencyKey) => _name switch
    {
        "reschedule" => Client.SendJsonAsync(HttpMethod.Patch, $"{CalendarBase}/appointments/{_appointmentId}", new { start = BookingScenario.Iso(_movedTo) }),
        "cancel" => Client.SendJsonAsync(HttpMethod.Delete, $"{CalendarBase}/appointments/{_appointmentId}"),
        "book public page" => PostAsync(Public, $"/v1/public/calendars/{_calendarId}/appointments", idempotencyKey),
        _ => PostAsync(Client, $"{CalendarBase}/appointments", idempotencyKey),
    };

    private async Task<(HttpStatusCode, JsonNode?)> PostAsync(HttpClient client, string url, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { start = BookingScenario.Iso(_time), contact = new { name = "Pat Doe", email = "pat@example.com" } }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Whether every member's busy time, as <paramref name="app"/> sees it, has the operation's (new) time.</summary>
    public async Task<bool> HeldOnAsync(CalendarAppFactory app)
    {
        var client = app.CreateClientWithKey(_key);
        foreach (var member in _members)
        {
            var (_, busy) = await client.GetJsonAsync(BusyUrl(member));
            if (!BusyAppointments(busy).Any(a => Start(a) == ExpectedStart))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The operation is done exactly once, and the members' busy time says exactly that.</summary>
    public async Task AssertDoneOnceAsync(CalendarAppFactory app)
    {
        var client = app.CreateClientWithKey(_key);
        var (status, listed) = await client.GetJsonAsync($"{_base}/appointments?{Window}&calendarId={_calendarId}");
        Assert.True(status == HttpStatusCode.OK, $"{Description}: listing answered {(int)status}");
        var items = listed!["items"]!.AsArray();
        Assert.True(items.Count == 1, $"{Description}: listed {items.ToJsonString()}");
        var appointment = items[0];
        Assert.Equal(_appointmentId, appointment!["id"]!.GetValue<string>());
        Assert.Equal(Confirmed ? "confirmed" : "cancelled", appointment["status"]!.GetValue<string>());
        Assert.Equal(ExpectedStart, DateTimeOffset.Parse(appointment["start"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var holders = appointment["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        foreach (var member in _members)
        {
            var expected = Confirmed && holders.Contains(member) ? BookingScenario.Iso(ExpectedStart.ToUniversalTime()) : "none";
            await Eventually.ValueAsync(
                async () => BusyStart(await client.GetJsonAsync(BusyUrl(member))),
                busy => busy == expected,
                $"{Description}: the busy time of {member} to be exactly the appointment's ({expected})");
        }

        // A round-robin slot stays offered while another member is free: ask for the member who holds it.
        var holder = _name == "book round robin" ? holders.Single() : null;
        var offered = await FreeStartsAsync(client, holder);
        Assert.True(offered.Contains(ExpectedStart) != Confirmed, $"{Description}: {ExpectedStart:O} offered: {offered.Contains(ExpectedStart)}");
        if (_name == "reschedule")
        {
            await Eventually.ValueAsync(() => FreeStartsAsync(client, null), free => free.Contains(_time), $"{Description}: the old time to be free again");
        }

        if (Confirmed)
        {
            var (again, _) = await client.PostJsonAsync($"{CalendarBase}/appointments", new { start = BookingScenario.Iso(ExpectedStart), userId = holder, contact = new { name = "Second" } });
            Assert.True(again == HttpStatusCode.Conflict, $"{Description}: booking the taken time again answered {(int)again}");
        }
    }

    private async Task<HashSet<DateTimeOffset>> FreeStartsAsync(HttpClient client, string? userId)
    {
        var day = BookingScenario.LocalDate(_time);
        var (status, body) = await client.GetJsonAsync($"{CalendarBase}/free-slots?start={day:yyyy-MM-dd}&end={day.AddDays(1):yyyy-MM-dd}" + (userId is null ? "" : $"&userId={userId}"));
        Assert.True(status == HttpStatusCode.OK, $"{Description}: free-slots answered {(int)status}");
        return body!["days"]!.AsArray()
            .SelectMany(d => d!["slots"]!.AsArray())
            .Select(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    /// <summary>The query of a range around the operation's times.</summary>
    private string Window => $"start={Uri.EscapeDataString(BookingScenario.Iso(_time.AddDays(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(_time.AddDays(3)))}";

    private string BusyUrl(string member) => $"{_base}/users/{member}/busy?{Window}";

    /// <summary>The single appointment interval of a busy view as its UTC start, "none", or everything when there are more.</summary>
    private static string BusyStart((HttpStatusCode Status, JsonNode? Body) busy)
    {
        var appointments = BusyAppointments(busy.Body);
        return appointments.Count switch
        {
            0 => "none",
            1 => BookingScenario.Iso(Start(appointments[0]).ToUniversalTime()),
            _ => string.Join(", ", appointments.Select(a => a.ToJsonString())),
        };
    }

    private static List<JsonNode> BusyAppointments(JsonNode? busy) =>
        busy?["intervals"]?.AsArray().Where(i => i!["source"]!.GetValue<string>() == "appointment").Select(i => i!).ToList() ?? [];

    private static DateTimeOffset Start(JsonNode interval) => DateTimeOffset.Parse(interval["start"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
