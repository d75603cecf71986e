using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>Every page of the console and the booking page, in every state a visitor meets, scanned with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_page_has_serious_or_critical_accessibility_violations_or_scrolls_sideways_on_a_phone(bool narrow)
    {
        var session = await ConsoleSession.StartAsync(fixture, narrow ? BrowserFixture.Narrow : null);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        await session.CreateUserAsync("Fox Mulder");
        await session.ConnectOutlookAsync(dana);
        var cid = await session.CreateCalendarAsync("Intro call", "personal", [dana], publicBooking: true);
        var tomorrow = ConsoleSession.Today.AddDays(1);
        await session.BookAsync(cid, tomorrow, 10, "Pat Doe");
        await session.BookAsync(cid, tomorrow, 11, "Sam Roe");

        async Task ScanAsync(string what)
        {
            await AccessibilityScan.AssertNoSeriousViolationsAsync(page, what);
            if (narrow)
            {
                await session.AssertFitsWidthAsync(what);
            }
        }

        await ScanAsync("the calendar list");
        await page.GotoAsync("/console/calendars/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New calendar" })).ToBeVisibleAsync();
        await page.GetByLabel("Duration (minutes)").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(page.Locator("#error-name")).Not.ToBeEmptyAsync();
        await ScanAsync("a new calendar's form with errors");

        await page.GotoAsync($"/console/calendars/{cid}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booking page" })).ToBeVisibleAsync();
        await ScanAsync("a calendar with its booking page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete calendar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await ScanAsync("the delete confirmation");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync($"/console/appointments?calendar={cid}&week={tomorrow:yyyy-MM-dd}");
        await Expect(page.Locator("button.appointment")).ToHaveCountAsync(2);
        await ScanAsync("the week view");
        await page.Locator("button.appointment", new() { HasText = "Pat Doe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await page.Locator($"#reschedule .days button[data-date='{tomorrow:yyyy-MM-dd}']").ClickAsync();
        await page.Locator("#reschedule .slots button").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move appointment" })).ToBeVisibleAsync();
        await ScanAsync("an appointment's details while rescheduling");
        await BrowserFixture.ScreenshotAsync(page, narrow ? "appointments-mobile.png" : "appointments-reschedule.png");
        await page.Locator("#appointment-details").GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await ScanAsync("the cancel confirmation");
        await page.Keyboard.PressAsync("Escape");

        await session.NavigateAsync("Troubleshooter");
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync($"{tomorrow:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator($"ol.timeline > li[data-start='{ConsoleSession.At(tomorrow, 10)}']")).ToContainTextAsync("already has an appointment");
        await ScanAsync("the troubleshooter's timeline");
        if (narrow)
        {
            await BrowserFixture.ScreenshotAsync(page, "troubleshooter-mobile.png");
        }

        await page.GetByLabel("Day", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        await Expect(page.Locator("#error-date")).Not.ToBeEmptyAsync();
        await ScanAsync("the troubleshooter with an error");

        await session.NavigateAsync("Users");
        await Expect(page.Locator($"tr[data-user='{dana}']")).ToContainTextAsync("Connected");
        await ScanAsync("the users page");

        await session.NavigateAsync("Connections");
        await Expect(page.Locator($"tr[data-user='{dana}']")).ToContainTextAsync("Connected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add new" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Outlook" }).ClickAsync();
        await ScanAsync("the connections page with its Add new menu open");

        await page.GotoAsync($"/console/users/{dana}/outlook");
        await page.GetByText("Advanced settings").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sync preferences" })).ToBeVisibleAsync();
        await ScanAsync("the Outlook calendar configuration");

        await session.NavigateAsync("Webhooks");
        await page.GetByLabel("URL").FillAsync(fixture.Receiver.NewUrl(out _));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" })).ToBeVisibleAsync();
        await ScanAsync("the webhooks page with a new endpoint's secret");
        await page.Locator("tr[data-endpoint]").GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery log" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(page.Locator("tr[data-event-type='ping']")).ToBeVisibleAsync();
        await ScanAsync("an endpoint's delivery log");

        await page.GotoAsync("/console/nowhere");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await ScanAsync("a page that does not exist");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await ScanAsync("the sign-in page");

        await page.GotoAsync($"/book/{cid}");
        await page.Locator($".days button[data-date='{tomorrow:yyyy-MM-dd}']").ClickAsync();
        await page.Locator(".slots button").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" })).ToBeVisibleAsync();
        await ScanAsync("the public booking page");
    }
}
