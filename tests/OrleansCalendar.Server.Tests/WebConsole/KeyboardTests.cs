using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>Every form of the console operated with the keyboard alone: Tab reaches each control, Enter and Space work it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    private static readonly DateOnly Tomorrow = ConsoleSession.Today.AddDays(1);

    [Fact]
    public async Task Signing_in_adding_a_member_and_creating_a_calendar_need_only_the_keyboard()
    {
        var (sid, key) = await fixture.App.CreateAdminClient().CreateSubAccountAsync("Keyboard Dental", "America/New_York");
        var session = new ConsoleSession(fixture, await fixture.NewPageAsync(), fixture.App.CreateClientWithKey(key), sid, key);
        var page = session.Page;
        await page.GotoAsync("/console");
        await session.TabToAsync(page.GetByLabel("Sub-account API key"));
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendars", Exact = true })).ToBeVisibleAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        await session.TabToAsync(nav.GetByRole(AriaRole.Link, new() { Name = "Users" }), backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByLabel("Name"));
        await page.Keyboard.TypeAsync("Dana Scully");
        await session.TabToAsync(page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync("dana@example.com");
        await session.TabToAsync(page.GetByLabel("Time zone"));
        await page.Keyboard.TypeAsync("Europe/Berl");
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Berlin");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add member" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Added Dana Scully.");

        await session.TabToAsync(nav.GetByRole(AriaRole.Link, new() { Name = "Calendars" }), backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "New calendar" }));
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByLabel("Name"));
        await page.Keyboard.TypeAsync("Team call");
        await session.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Personal" }));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Collective" })).ToBeCheckedAsync();
        await session.TabToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Dana Scully" }));
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Dana Scully" })).ToBeCheckedAsync();
        await session.TabToAsync(page.GetByLabel("Duration (minutes)"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("45");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Tuesday" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Tuesday, hours 2, from")).ToBeFocusedAsync();
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Remove Wednesday" }));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByLabel("Public booking"));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Calendar created.");

        var calendar = (await session.Client.GetJsonAsync($"/v1/subaccounts/{sid}/calendars")).Body!["items"]![0]!;
        Assert.Equal("Team call", calendar["name"]!.GetValue<string>());
        Assert.Equal("collective", calendar["type"]!.GetValue<string>());
        Assert.Equal(45, calendar["slotDurationMinutes"]!.GetValue<int>());
        Assert.True(calendar["publicBooking"]!.GetValue<bool>());
        Assert.Equal("""[{"start":"09:00","end":"17:00"},{"start":"18:00","end":"19:00"}]""", calendar["weeklyHours"]!["tuesday"]!.ToJsonString());
        Assert.Equal("[]", calendar["weeklyHours"]!["wednesday"]!.ToJsonString());

        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Copy link: booking page link" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Copied.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Rescheduling_and_cancelling_an_appointment_need_only_the_keyboard()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var cid = await session.CreateCalendarAsync("Consultation", "personal", [await session.CreateUserAsync("Dana Scully")], slotMinutes: 60);
        var pat = await session.BookAsync(cid, Tomorrow, 10, "Pat Doe");
        var url = $"{session.Base}/calendars/{cid}/appointments/{pat["id"]}";
        await page.GotoAsync($"/console/appointments?calendar={cid}&week={Tomorrow:yyyy-MM-dd}");

        await session.TabToAsync(page.Locator("button.appointment", new() { HasText = "Pat Doe" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#details-heading")).ToBeFocusedAsync();
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.Locator($"#reschedule .days button[data-date='{Tomorrow:yyyy-MM-dd}']"));
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.Locator($"#reschedule .slots button[data-start='{ConsoleSession.At(Tomorrow, 15)}']"));
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Move appointment" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#appointment-details .notice.ok")).ToContainTextAsync("Moved to");
        Assert.Equal(ConsoleSession.At(Tomorrow, 15), (await session.Client.GetJsonAsync(url)).Body!["start"]!.GetValue<string>());

        var cancel = page.Locator("#appointment-details").GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" });
        await session.TabToAsync(cancel);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this appointment?" });
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Keep appointment" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(cancel).ToBeFocusedAsync();
        Assert.Equal("confirmed", (await session.Client.GetJsonAsync(url)).Body!["status"]!.GetValue<string>());

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#appointment-details .notice.ok")).ToContainTextAsync("Cancelled.");
        Assert.Equal("cancelled", (await session.Client.GetJsonAsync(url)).Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Troubleshooting_a_day_needs_only_the_keyboard()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        var fox = await session.CreateUserAsync("Fox Mulder");
        await session.CreateCalendarAsync("Intro call", "personal", [dana]);
        var team = await session.CreateCalendarAsync("Team call", "collective", [dana, fox]);
        await session.BookAsync(team, Tomorrow, 10, "Pat Doe");
        await page.ReloadAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        await session.TabToAsync(nav.GetByRole(AriaRole.Link, new() { Name = "Troubleshooter" }), backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#ts-day-heading")).ToContainTextAsync("Intro call");
        await session.TabToAsync(page.GetByLabel("Calendar", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Team");
        await Expect(page.GetByLabel("Calendar", new() { Exact = true })).ToHaveValueAsync(team);
        await session.TabToAsync(page.GetByLabel("Day", new() { Exact = true }));
        await page.Keyboard.TypeAsync(Tomorrow.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync($"{Tomorrow:yyyy-MM-dd}");
        await session.TabToAsync(page.GetByLabel("Member (optional)"));
        await page.Keyboard.TypeAsync("Fox");
        await Expect(page.GetByLabel("Member (optional)")).ToHaveValueAsync(fox);
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#ts-day-heading")).ToContainTextAsync("Fox Mulder, Team call");
        await Expect(page.Locator($"ol.timeline > li[data-start='{ConsoleSession.At(Tomorrow, 10)}']")).ToContainTextAsync("Fox Mulder already has an appointment");

        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next day" }));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync($"{Tomorrow.AddDays(1):yyyy-MM-dd}");
        await Expect(page.Locator("ol.timeline > li").First).ToHaveAttributeAsync("data-start", new Regex($"^{Tomorrow.AddDays(1):yyyy-MM-dd}T00:00"));
    }

    [Fact]
    public async Task Deleting_a_calendar_needs_only_the_keyboard_and_Escape_keeps_it()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var cid = await session.CreateCalendarAsync("Intro call", "personal", [await session.CreateUserAsync("Dana Scully")]);
        await page.ReloadAsync();

        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Delete Intro call" }));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}")).Status);
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete calendar" }), backwards: true);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator($"tr[data-calendar='{cid}']")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}")).Status);
    }

    [Fact]
    public async Task Adding_a_webhook_endpoint_and_copying_its_secret_need_only_the_keyboard()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var hookUrl = fixture.Receiver.NewUrl(out _);
        await page.GotoAsync("/console/webhooks");

        await session.TabToAsync(page.GetByLabel("URL"));
        await page.Keyboard.TypeAsync(hookUrl);
        await session.TabToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Appointment cancelled" }));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" })).ToBeFocusedAsync();
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Copy secret: signing secret" }));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(await page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" }).InputValueAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        var endpoint = (await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints")).Body!["items"]![0]!;
        Assert.Equal(hookUrl, endpoint["url"]!.GetValue<string>());
        Assert.Equal("""["appointment.cancelled"]""", endpoint["eventTypes"]!.ToJsonString());
        await session.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Deliveries of {hookUrl}" }));
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send test" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Test sent");
    }
}
