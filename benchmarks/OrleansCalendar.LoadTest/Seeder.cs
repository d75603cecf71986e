using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.LoadTest;

/// <summary>Creates the data a scenario measures against, through the public API only.</summary>
internal static class Seeder
{
    /// <summary>
    /// A personal 09:00–17:00 calendar and, on a second all-day calendar of the same user, <paramref name="busy"/>
    /// five-minute appointments spread over the same 7 days (at most 2,016: one per five minutes), so free slots are
    /// computed against that many busy intervals.
    /// </summary>
    public static async Task<FreeSlotsScenario> FreeSlotsScenarioAsync(HttpClient admin, int busy)
    {
        var (sid, uid, calendar) = await IntroCallAsync(admin, "Load");
        var allDay = new[] { new { start = "00:00", end = "24:00" } };
        var everyDay = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay };
        var filler = await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Filler", type = "personal", userIds = new[] { uid }, timeZone = "UTC",
            slotDurationMinutes = 5, slotIntervalMinutes = 5, bookingWindowDays = 365, weeklyHours = everyDay,
        });

        var firstDay = DateTime.UtcNow.Date.AddDays(7);
        var step = TimeSpan.FromMinutes(7 * 24 * 60 / (double)busy);
        var fillerId = filler["id"]!.GetValue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, busy), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var start = firstDay + TimeSpan.FromMinutes(Math.Floor(step.TotalMinutes * i / 5) * 5);
            await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars/{fillerId}/appointments", new
            {
                start = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                contact = new { name = "Filler" },
            });
        });

        return FreeSlotsScenario.Week(calendar, firstDay);
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

    /// <summary>
    /// The same query shape with the busy time coming from Outlook, as it does in production: <paramref name="busy"/>
    /// five-minute busy events on the member's Work calendar in the emulator (over the queried week, or one day per
    /// hundred up to 80 days when more), imported by the first sync of a connected integration.
    /// </summary>
    public static async Task<FreeSlotsScenario> OutlookBusyScenarioAsync(HttpClient admin, GraphEmulatorServer emulator, int busy)
    {
        var (sid, uid, calendar) = await IntroCallAsync(admin, $"Busy {busy}");

        var mailbox = emulator.Control.AddMailbox($"busy-{Guid.NewGuid():N}@contoso.test", "Busy Bee");
        var work = emulator.Control.AddCalendar(mailbox.Email, "Work");
        var firstDay = DateTime.UtcNow.Date.AddDays(1);
        var days = Math.Clamp((int)Math.Ceiling(busy / 100.0), 7, 80);
        var step = days * 24 * 60 / (double)busy;
        for (var i = 0; i < busy; i++)
        {
            var start = firstDay.AddMinutes(Math.Floor(step * i));
            emulator.Control.AddEvent(mailbox.Email, work.Id, new EventSpec($"Busy {i}", start, start.AddMinutes(5)));
        }

        var connection = await ConnectOutlookAsync(admin, emulator, sid, uid, mailbox, work.Id);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await admin.GetFromJsonAsync<JsonNode>(connection))!["calendars"]!.AsArray()
            .All(c => c!["id"]!.GetValue<string>() != work.Id || c["busyEvents"]!.GetValue<int>() < busy))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The first sync did not import {busy} busy events within 2 minutes.");
            }

            await Task.Delay(100);
        }

        return FreeSlotsScenario.Week(calendar, firstDay);
    }

    /// <summary>A sub-account with one member and the calendar whose free slots are queried: 30-minute slots, 09:00–17:00 weekdays, a 10-minute buffer.</summary>
    private static async Task<(string SubAccountId, string UserId, string CalendarPath)> IntroCallAsync(HttpClient admin, string accountName)
    {
        var sid = (await PostAsync(admin, "/v1/subaccounts", new { name = accountName, timeZone = "UTC" }))["id"]!.GetValue<string>();
        var uid = (await PostAsync(admin, $"/v1/subaccounts/{sid}/users", new { name = "Busy Bee", email = "bee@example.com" }))["id"]!.GetValue<string>();
        var office = new[] { new { start = "09:00", end = "17:00" } };
        var calendar = await PostAsync(admin, $"/v1/subaccounts/{sid}/calendars", new
        {
            name = "Intro call", type = "personal", userIds = new[] { uid }, timeZone = "UTC",
            slotDurationMinutes = 30, bufferAfterMinutes = 10, bookingWindowDays = 365,
            weeklyHours = new { monday = office, tuesday = office, wednesday = office, thursday = office, friday = office },
        });
        return (sid, uid, $"/v1/subaccounts/{sid}/calendars/{calendar["id"]!.GetValue<string>()}");
    }

    /// <summary>Connects the user to <paramref name="mailbox"/> through the real OAuth flow (the emulator consents) and configures it.</summary>
    public static async Task<string> ConnectOutlookAsync(HttpClient admin, GraphEmulatorServer emulator, string sid, string uid, EmulatedMailbox mailbox, string workCalendarId)
    {
        var connection = $"/v1/subaccounts/{sid}/users/{uid}/connections/outlook";
        var start = await PostAsync(admin, connection, new { access = "readWrite" });

        emulator.Control.SetNextSignIn(new NextSignIn(mailbox.Email, false, ["Calendars.ReadWrite", "User.Read", "offline_access"]));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await browser.GetAsync(new Uri(start["authorizationUrl"]!.GetValue<string>()));
        using var callback = await browser.GetAsync(consent.Headers.Location!);
        if ((int)callback.StatusCode >= 400)
        {
            throw new InvalidOperationException($"The OAuth callback answered {(int)callback.StatusCode}.");
        }

        using var configured = await admin.PutAsJsonAsync($"{connection}/configuration", new { linkedCalendarId = mailbox.DefaultCalendarId, conflictCalendarIds = new[] { workCalendarId } });
        configured.EnsureSuccessStatusCode();
        return connection;
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
