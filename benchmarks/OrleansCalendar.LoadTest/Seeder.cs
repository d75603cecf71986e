using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrleansCalendar.LoadTest;

/// <summary>Creates the data a scenario measures against, through the public API only.</summary>
internal static class Seeder
{
    /// <summary>
    /// A personal 09:00–17:00 calendar and, on a second all-day calendar of the same user, <paramref name="busy"/>
    /// five-minute appointments spread over the same 7 days, so free slots are computed against that many busy intervals.
    /// </summary>
    public static async Task<FreeSlotsScenario> FreeSlotsScenarioAsync(HttpClient admin, int busy)
    {
        var account = await PostAsync(admin, "/v1/subaccounts", new { name = "Load", timeZone = "UTC" });
        var sid = account["id"]!.GetValue<string>();
        var user = await PostAsync(admin, $"/v1/subaccounts/{sid}/users", new { name = "Busy Bee", email = "bee@example.com" });
        var uid = user["id"]!.GetValue<string>();
        var allDay = new[] { new { start = "00:00", end = "24:00" } };
        var everyDay = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay };
        var office = new[] { new { start = "09:00", end = "17:00" } };

        var queried = await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Intro call", type = "personal", userIds = new[] { uid }, timeZone = "UTC",
            slotDurationMinutes = 30, bufferAfterMinutes = 10, bookingWindowDays = 365,
            weeklyHours = new { monday = office, tuesday = office, wednesday = office, thursday = office, friday = office },
        });
        var filler = await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Filler", type = "personal", userIds = new[] { uid }, timeZone = "UTC",
            slotDurationMinutes = 5, slotIntervalMinutes = 5, bookingWindowDays = 365, weeklyHours = everyDay,
        });

        var firstDay = DateTime.UtcNow.Date.AddDays(7);
        var step = TimeSpan.FromMinutes(7 * 24 * 60 / (double)busy);
        var fillerId = filler["id"]!.GetValue<string>();
        for (var i = 0; i < busy; i++)
        {
            var start = firstDay + TimeSpan.FromMinutes(Math.Floor(step.TotalMinutes * i / 5) * 5);
            await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars/{fillerId}/appointments", new
            {
                start = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                contact = new { name = "Filler" },
            });
        }

        var from = DateOnly.FromDateTime(firstDay);
        var calendar = $"/v1/subaccounts/{sid}/calendars/{queried["id"]!.GetValue<string>()}";
        return new FreeSlotsScenario(calendar, $"{calendar}/free-slots?start={from:yyyy-MM-dd}&end={from.AddDays(6):yyyy-MM-dd}");
    }

    /// <summary><paramref name="count"/> users, each with a personal calendar open around the clock in 5-minute slots; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> BookingCalendarsAsync(HttpClient admin, int count)
    {
        var account = await PostAsync(admin, "/v1/subaccounts", new { name = "Bookings", timeZone = "UTC" });
        var sid = account["id"]!.GetValue<string>();
        var allDay = new[] { new { start = "00:00", end = "24:00" } };
        var everyDay = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay };
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var user = await PostAsync(admin, $"/v1/subaccounts/{sid}/users", new { name = $"Member {i}", email = $"member{i}@example.com" });
            var calendar = await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
            {
                name = $"Calendar {i}", type = "personal", userIds = new[] { user["id"]!.GetValue<string>() }, timeZone = "UTC",
                slotDurationMinutes = 5, slotIntervalMinutes = 5, bookingWindowDays = 365, weeklyHours = everyDay,
            });
            paths.Add($"/v1/subaccounts/{sid}/calendars/{calendar["id"]!.GetValue<string>()}");
        }

        return paths;
    }

    public static async Task<JsonNode> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }
}
