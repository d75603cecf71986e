using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>The week view of appointments: per member in a chosen time zone, details with Outlook state, reschedule, cancel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentPagesTests(BrowserFixture fixture)
{
    private static readonly DateOnly Tomorrow = ConsoleSession.Today.AddDays(1);

    [Fact]
    public async Task A_members_week_shows_appointments_in_the_chosen_time_zone_with_their_Outlook_state()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        await session.ConnectOutlookAsync(dana, mailbox => new { linkedCalendarId = mailbox.DefaultCalendarId });
        var intro = await session.CreateCalendarAsync("Intro call", "personal", [dana]);
        var review = await session.CreateCalendarAsync("Review", "event", []);
        var synced = await session.BookAsync(intro, Tomorrow, 10, "Pat Doe");
        await session.BookAsync(review, Tomorrow, 10, "Not Dana's");
        var url = $"{session.Base}/calendars/{intro}/appointments/{synced["id"]}";
        await Eventually.ValueAsync(async () => (await session.Client.GetJsonAsync(url)).Body!,
            a => a["sync"]![0]!["state"]!.GetValue<string>() == "synced", "the appointment to reach Outlook");

        await session.NavigateAsync("Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments of Dana Scully" }).ClickAsync();
        await Expect(page.GetByLabel("Calendar or team member")).ToHaveValueAsync($"user:{dana}");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        // 10:00 in New York is the afternoon of the same day in Berlin.
        await session.ShowWeekOfAsync(Tomorrow);
        var card = page.Locator("button.appointment");
        await Expect(card).ToHaveCountAsync(1);
        var berlinTime = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(ConsoleSession.At(Tomorrow, 10), CultureInfo.InvariantCulture), Berlin);
        await Expect(card).ToContainTextAsync(berlinTime.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US")));
        await Expect(card).ToContainTextAsync("Intro call");
        await Expect(card).ToContainTextAsync("In Outlook");
        Assert.Contains("timeZone=Europe%2FBerlin", page.Url, StringComparison.Ordinal);

        await card.ClickAsync();
        var details = page.Locator("#appointment-details");
        await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "Pat Doe · Intro call" })).ToBeFocusedAsync();
        await Expect(details).ToContainTextAsync("Dana Scully: Synced to Outlook");
        await Expect(details).ToContainTextAsync("in America/New York, the calendar's zone");
        await BrowserFixture.ScreenshotAsync(page, "appointments.png");
    }

    [Fact]
    public async Task An_appointment_is_rescheduled_only_to_a_time_the_calendar_offers()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        var cid = await session.CreateCalendarAsync("Consultation", "personal", [dana], slotMinutes: 60);
        var pat = await session.BookAsync(cid, Tomorrow, 10, "Pat Doe");
        await session.BookAsync(cid, Tomorrow, 12, "Sam Roe");

        await page.GotoAsync($"/console/appointments?calendar={cid}");
        await session.ShowWeekOfAsync(Tomorrow);
        await page.Locator("button.appointment", new() { HasText = "Pat Doe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await page.Locator($"#reschedule .days button[data-date='{Tomorrow:yyyy-MM-dd}']").ClickAsync();

        // Exactly the calendar's free times: not Sam's hour, not Pat's own.
        var free = (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}/free-slots?start={Tomorrow:yyyy-MM-dd}&end={Tomorrow:yyyy-MM-dd}&timeZone=America/New_York&userId={dana}")).Body!;
        var offered = free["days"]![0]!["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(ConsoleSession.At(Tomorrow, 12), offered);
        var slots = page.Locator("#reschedule .slots button");
        await Expect(slots).ToHaveCountAsync(offered.Count);
        Assert.Equal(offered, await slots.EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.start)"));

        // Someone takes 14:00 after the page offered it: the move is refused and the times are offered afresh.
        await page.Locator($"#reschedule .slots button[data-start='{ConsoleSession.At(Tomorrow, 14)}']").ClickAsync();
        await session.BookAsync(cid, Tomorrow, 14, "Quick Taker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move appointment" }).ClickAsync();
        await Expect(page.Locator("#reschedule .notice.bad")).ToContainTextAsync("That time can no longer be booked");
        await page.Locator($"#reschedule .days button[data-date='{Tomorrow:yyyy-MM-dd}']").ClickAsync();
        await Expect(page.Locator($"#reschedule .slots button[data-start='{ConsoleSession.At(Tomorrow, 14)}']")).ToHaveCountAsync(0);

        await page.Locator($"#reschedule .slots button[data-start='{ConsoleSession.At(Tomorrow, 15)}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move appointment" }).ClickAsync();
        await Expect(page.Locator("#appointment-details .notice.ok")).ToContainTextAsync("Moved to");
        var moved = (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}/appointments/{pat["id"]}")).Body!;
        Assert.Equal(ConsoleSession.At(Tomorrow, 15), moved["start"]!.GetValue<string>());
        await Expect(page.Locator("button.appointment", new() { HasText = "Pat Doe" })).ToContainTextAsync("3:00 PM");
    }

    [Fact]
    public async Task An_appointment_is_cancelled_only_after_a_confirmation_and_stays_listed_as_cancelled()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var cid = await session.CreateCalendarAsync("Consultation", "personal", [await session.CreateUserAsync("Dana Scully")]);
        var pat = await session.BookAsync(cid, Tomorrow, 9, "Pat Doe");
        var url = $"{session.Base}/calendars/{cid}/appointments/{pat["id"]}";

        await page.GotoAsync($"/console/appointments?calendar={cid}");
        await session.ShowWeekOfAsync(Tomorrow);
        var card = page.Locator("button.appointment", new() { HasText = "Pat Doe" });
        await card.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this appointment?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep appointment" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal("confirmed", (await session.Client.GetJsonAsync(url)).Body!["status"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Expect(page.Locator("#appointment-details .notice.ok")).ToContainTextAsync("Cancelled. The time is free again.");
        Assert.Equal("cancelled", (await session.Client.GetJsonAsync(url)).Body!["status"]!.GetValue<string>());
        await Expect(card).ToContainTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" })).ToHaveCountAsync(0);
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
