using System.Net;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>The Troubleshooter page: a day of a calendar as a timeline, every slot with its reasons in plain words.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TroubleshooterPageTests(BrowserFixture fixture)
{
    private static readonly DateOnly Tomorrow = ConsoleSession.Today.AddDays(1);

    [Fact]
    public async Task A_members_day_names_appointments_buffers_and_Outlook_events_with_their_calendars()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        var mailbox = await session.ConnectOutlookAsync(dana, m => new
        {
            linkedCalendarId = m.DefaultCalendarId,
            conflictCalendarIds = new[] { m.WorkCalendarId },
            syncPreferences = new { importEventDetails = true },
        });
        var connection = session.ConnectionUrl(dana);
        fixture.Outlook.AddEvent(mailbox.Email, mailbox.WorkCalendarId, new EventSpec("Dentist", Local(14), Local(15), "America/New_York"));
        fixture.Outlook.AddEvent(mailbox.Email, mailbox.WorkCalendarId, new EventSpec("Therapy", Local(16), Local(17), "America/New_York") { Sensitivity = "private" });
        Assert.Equal(HttpStatusCode.Accepted, (await session.Client.PostJsonAsync($"{connection}/sync", null)).Status);
        await Eventually.ValueAsync(async () => (await session.Client.GetJsonAsync(connection)).Body!, c => !c["syncing"]!.GetValue<bool>(), "a finished sync");

        var cid = await session.CreateCalendarAsync("Intro call", "personal", [dana], slotMinutes: 60, configure: body =>
        {
            body["bufferAfterMinutes"] = 30;
            body["weeklyHours"] = ConsoleSession.EveryDay("08:00", "18:00");
        });
        var followUp = await session.CreateCalendarAsync("Follow-up", "personal", [dana], slotMinutes: 60);
        await session.BookAsync(cid, Tomorrow, 10, "Pat Doe");
        await session.BookAsync(followUp, Tomorrow, 12, "Sam Roe");

        await page.GotoAsync($"/console/calendars/{cid}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Troubleshoot a day" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Troubleshooter", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Calendar", new() { Exact = true })).ToHaveValueAsync(cid);
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync($"{Tomorrow:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator("#ts-day-heading")).ToContainTextAsync($"Intro call: {Tomorrow.ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}");

        await Expect(Row(page, 7)).ToContainTextAsync("Not offered");
        await Expect(Row(page, 7)).ToContainTextAsync("Outside the calendar's weekly hours.");
        await Expect(Row(page, 10)).ToContainTextAsync("Blocked");
        await Expect(Row(page, 10)).ToContainTextAsync("Dana Scully already has an appointment from 10:00 AM to 11:00 AM.");
        await Expect(Row(page, 11)).ToContainTextAsync("Too close to Dana Scully's appointment from 10:00 AM to 11:00 AM: the buffer time kept free around appointments overlaps this time.");
        await Expect(Row(page, 12)).ToContainTextAsync("Dana Scully already has an appointment from 12:00 PM to 1:00 PM (booked on Follow-up).");
        await Expect(Row(page, 14)).ToContainTextAsync("Dana Scully is busy in Outlook from 2:00 PM to 3:00 PM: “Dentist” on the Outlook calendar “Work”, shown as busy.");
        // A private event keeps its subject: only its calendar and showAs are named.
        await Expect(Row(page, 16)).ToContainTextAsync("Dana Scully is busy in Outlook from 4:00 PM to 5:00 PM: an event on the Outlook calendar “Work”, shown as busy.");
        await Expect(Row(page, 16)).Not.ToContainTextAsync("Therapy");
        await Expect(Row(page, 8)).ToContainTextAsync("Bookable");

        // The timeline shows exactly what the API says: every slot, bookable exactly where it is.
        var explained = (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}/availability?date={Tomorrow:yyyy-MM-dd}")).Body!["slots"]!.AsArray();
        Assert.Equal(
            explained.Select(s => $"{s!["start"]!.GetValue<string>()} {s["bookable"]!.GetValue<bool>()}".ToLowerInvariant()),
            await page.Locator("ol.timeline > li").EvaluateAllAsync<string[]>("rows => rows.map(r => `${r.dataset.start} ${r.dataset.bookable}`.toLowerCase())"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Troubleshooter", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await BrowserFixture.ScreenshotAsync(page, "troubleshooter.png");
    }

    [Fact]
    public async Task A_team_day_says_when_no_member_is_free_names_each_busy_member_and_explains_one_member_alone()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        var fox = await session.CreateUserAsync("Fox Mulder");
        var team = await session.CreateCalendarAsync("Team call", "roundRobin", [dana, fox]);
        await session.BookAsync(team, Tomorrow, 10, "Pat Doe");
        await session.BookAsync(team, Tomorrow, 10, "Sam Roe");
        await session.BookAsync(team, Tomorrow, 11, "Lee Poe");

        await page.GotoAsync($"/console/troubleshoot?calendar={team}&date={Tomorrow:yyyy-MM-dd}");
        var ten = Row(page, 10);
        await Expect(ten).ToContainTextAsync("No member is free: a round-robin calendar needs at least one member who is free.");
        foreach (var name in new[] { "Dana Scully", "Fox Mulder" })
        {
            var member = ten.Locator("li[data-code='member-busy']", new() { HasText = $"{name} is busy:" });
            await Expect(member.Locator("li[data-code='appointment']")).ToContainTextAsync($"{name} already has an appointment from 10:00 AM to 10:30 AM.");
        }

        // 11:00 is taken by one of them only: bookable for the team, not for that member.
        await Expect(Row(page, 11)).ToContainTextAsync("Bookable");
        var lee = (await session.Client.GetJsonAsync($"{session.Base}/appointments?start={Uri.EscapeDataString(ConsoleSession.At(Tomorrow, 11))}&end={Uri.EscapeDataString(ConsoleSession.At(Tomorrow, 12))}&calendarId={team}")).Body!["items"]![0]!;
        var busy = lee["userIds"]![0]!.GetValue<string>();
        var busyName = busy == dana ? "Dana Scully" : "Fox Mulder";
        await page.GetByLabel("Member (optional)").SelectOptionAsync(busy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator("#ts-day-heading")).ToContainTextAsync($"{busyName}, Team call");
        await Expect(Row(page, 11)).ToContainTextAsync($"{busyName} already has an appointment from 11:00 AM to 11:30 AM.");
        await Expect(Row(page, 10)).Not.ToContainTextAsync("No member is free");
        Assert.Contains($"user={busy}", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Day", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator("#error-date")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Day", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(page.Locator("#ts-result")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Notice_booking_window_and_off_grid_times_are_explained_day_by_day()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        await session.CreateCalendarAsync("Intro call", "personal", [dana]);
        await session.CreateCalendarAsync("Strict hours", "personal", [dana], configure: body =>
        {
            body["minimumNoticeMinutes"] = 2 * 24 * 60;
            body["bookingWindowDays"] = 4;
            body["weeklyHours"] = ConsoleSession.EveryDay("09:10", "17:00");
        });

        await session.NavigateAsync("Troubleshooter");
        await page.GetByLabel("Calendar", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Strict hours" });
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync($"{Tomorrow:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator("#ts-day-heading")).ToContainTextAsync("Strict hours");
        var nineThirty = page.Locator($"ol.timeline > li[data-start='{ConsoleSession.At(Tomorrow, 9, 30)}']");
        await Expect(nineThirty).ToContainTextAsync("Inside the hours, but not one of the calendar's start times: they start at the beginning of each range of hours and every 30 minutes after it.");
        await Expect(nineThirty).ToContainTextAsync("Too soon: bookings need 2 days notice, so the first time that can be booked starts at");
        await Expect(page.Locator("ol.timeline > li[data-bookable=true]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#ts-result")).ToContainTextAsync("No time can be booked on this day.");

        for (var day = 1; day <= 5; day++)
        {
            var heading = await page.Locator("#ts-day-heading").TextContentAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Next day" }).ClickAsync();
            await Expect(page.Locator("#ts-day-heading")).Not.ToHaveTextAsync(heading!);
        }

        Assert.Contains($"date={Tomorrow.AddDays(5):yyyy-MM-dd}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator($"ol.timeline > li[data-start='{ConsoleSession.At(Tomorrow.AddDays(5), 9, 10)}']"))
            .ToContainTextAsync("Too far ahead: bookings are taken up to 4 days ahead, so the last time that can be booked starts at");
    }

    [Fact]
    public void Every_reason_code_of_the_API_has_a_sentence()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "OrleansCalendar.Server", "wwwroot", "console", "troubleshoot.js"));
        var sentences = SentenceKey().Matches(script).Select(m => m.Groups["code"].Value).ToHashSet(StringComparer.Ordinal);
        var codes = typeof(AvailabilityReasonCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

        Assert.All(codes, code => Assert.Contains(code, sentences));
    }

    [GeneratedRegex(@"^\s+'?(?<code>[a-z-]+)'?: \((r)?\) =>", RegexOptions.Multiline)]
    private static partial Regex SentenceKey();

    private static ILocator Row(IPage page, int hour) => page.Locator($"ol.timeline > li[data-start='{ConsoleSession.At(Tomorrow, hour)}']");

    private static DateTime Local(int hour) => Tomorrow.ToDateTime(new TimeOnly(hour, 0));
}
