using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

/// <summary>
/// The offset rule for response times: a calendar's times in its zone (free slots in the zone asked for), a user's
/// busy time in the user's zone, bookkeeping timestamps in UTC with <c>Z</c>, whatever offset the client sent.
/// </summary>
public sealed class ResponseOffsetTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task Every_time_carries_the_offset_of_the_zone_it_belongs_to_whatever_the_client_sent()
    {
        var admin = fixture.App.CreateAdminClient();
        var (sid, key) = await admin.CreateSubAccountAsync("Offsets", "America/New_York");
        var client = fixture.App.CreateClientWithKey(key);
        var user = await client.CreateUserAsync(sid, "Kenji", $"kenji-{Guid.NewGuid():N}@example.com", "Asia/Tokyo");
        var (status, calendar) = await client.PostJsonAsync($"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Berlin desk", type = "personal", userIds = new[] { user }, timeZone = "Europe/Berlin", bookingWindowDays = 365, publicBooking = true,
            weeklyHours = BookingScenario.WeekdayHours("09:00", "17:00"),
        });
        Assert.Equal(HttpStatusCode.Created, status);
        var cid = calendar!["id"]!.GetValue<string>();
        Assert.EndsWith("Z", calendar["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);

        // 10:00 in Berlin, sent as New York time: the answer says 10:00 and 10:30 in Berlin, both with Berlin's offset.
        var date = NextWednesday();
        var start = BookingScenario.At(Berlin, date, 10, 0);
        var (booked, appointment) = await client.PostJsonAsync($"/v1/subaccounts/{sid}/calendars/{cid}/appointments", new
        {
            start = BookingScenario.Iso(start.ToOffset(TimeSpan.FromHours(-5))),
            contact = new { name = "Pat Doe" },
        });
        Assert.Equal(HttpStatusCode.Created, booked);
        AssertInZone(appointment!, Berlin, start, start.AddMinutes(30));
        Assert.EndsWith("Z", appointment!["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Z", appointment["updatedAt"]!.GetValue<string>(), StringComparison.Ordinal);
        var aid = appointment["id"]!.GetValue<string>();

        var (_, fetched) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/calendars/{cid}/appointments/{aid}");
        AssertInZone(fetched!, Berlin, start, start.AddMinutes(30));
        var range = $"start={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(-1)))}&end={Uri.EscapeDataString(BookingScenario.Iso(start.AddDays(1)))}";
        var (_, listed) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/appointments?{range}");
        AssertInZone(listed!["items"]![0]!, Berlin, start, start.AddMinutes(30));

        var (_, busy) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/users/{user}/busy?{range}");
        AssertInZone(busy!["intervals"]![0]!, Tokyo, start, start.AddMinutes(30));

        var (_, slots) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/calendars/{cid}/free-slots?start={date:yyyy-MM-dd}&end={date:yyyy-MM-dd}&timeZone=America/Los_Angeles");
        var slot = slots!["days"]!.AsArray().SelectMany(d => d!["slots"]!.AsArray()).First()!;
        var slotStart = Parse(slot["start"]!);
        AssertInZone(slot, LosAngeles, slotStart, slotStart.AddMinutes(30));

        var (_, explained) = await client.GetJsonAsync($"/v1/subaccounts/{sid}/calendars/{cid}/availability?date={date:yyyy-MM-dd}&timeZone=America/Los_Angeles");
        var taken = explained!["slots"]!.AsArray().Single(x => Parse(x!["start"]!) == start)!;
        AssertInZone(taken, LosAngeles, start, start.AddMinutes(30));
        AssertInZone(taken["reasons"]![0]!, LosAngeles, start, start.AddMinutes(30));

        var publicStart = start.AddHours(2);
        var (_, publicBooking) = await fixture.App.CreateClient().PostJsonAsync($"/v1/public/calendars/{cid}/appointments", new
        {
            start = BookingScenario.Iso(publicStart.ToUniversalTime()),
            contact = new { name = "Sam Roe", email = "sam@example.com" },
        });
        AssertInZone(publicBooking!, Berlin, publicStart, publicStart.AddMinutes(30));
    }

    private static void AssertInZone(JsonNode item, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var (field, instant) in new[] { ("start", start), ("end", end) })
        {
            var text = item[field]!.GetValue<string>();
            var expected = TimeZoneInfo.ConvertTime(instant, zone);
            Assert.True(Parse(item[field]!) == instant && text == BookingScenario.Iso(expected),
                $"{field} is '{text}', expected '{BookingScenario.Iso(expected)}' ({zone.Id})");
        }
    }

    private static DateTimeOffset Parse(JsonNode value) => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);

    private static DateOnly NextWednesday()
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        while (date.DayOfWeek != DayOfWeek.Wednesday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
