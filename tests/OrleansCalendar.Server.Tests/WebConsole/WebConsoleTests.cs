using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>The console's Outlook connections and the public booking page, driven in Chromium against the running server and the Graph emulator.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebConsoleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Connect_configure_and_book_on_the_public_page_puts_the_event_in_the_linked_Outlook_calendar()
    {
        var (setup, page) = await ConnectedAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Outlook is connected ({setup.Mailbox.Email})");

        await page.GetByLabel("Linked calendar").SelectOptionAsync(setup.Mailbox.DefaultCalendarId);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Work" }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Calendar (default)" })).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "calendar-configuration.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved. Outlook calendars are syncing.")).ToBeVisibleAsync();

        var connection = (await setup.Client.GetJsonAsync(setup.ConnectionUrl)).Body!;
        Assert.Equal(setup.Mailbox.DefaultCalendarId, connection["linkedCalendarId"]!.GetValue<string>());
        Assert.Contains(setup.Mailbox.WorkCalendarId, connection["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));

        await page.GotoAsync("/console/connections");
        await Expect(page.Locator($"tr[data-user='{setup.UserId}']")).ToContainTextAsync("Connected");
        await BrowserFixture.ScreenshotAsync(page, "connections.png");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/book/{setup.CalendarId}");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Intro call" })).ToBeVisibleAsync();
        await ChooseTomorrowsFirstTimeAsync(visitor);
        await visitor.GetByLabel("Your name").FillAsync("Pat Doe");
        await visitor.GetByLabel("Email").FillAsync("pat@example.com");
        await BrowserFixture.ScreenshotAsync(visitor, "booking-page.png");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "You are booked" })).ToBeVisibleAsync();

        await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Outlook.ListEvents(setup.Mailbox.Email, setup.Mailbox.DefaultCalendarId)),
            events => events.Count == 1, "the booking to reach the linked Outlook calendar");
    }

    [Fact]
    public async Task A_read_only_Outlook_calendar_is_listed_but_cannot_be_chosen_as_the_linked_calendar()
    {
        var (setup, page) = await ConnectedAsync();

        var readOnly = page.Locator($"#linked option[value='{setup.Mailbox.ReadOnlyCalendarId}']");
        await Expect(readOnly).ToBeDisabledAsync();
        await Expect(readOnly).ToContainTextAsync("read-only calendar: cannot receive appointments");
        await Expect(page.Locator($"#linked option[value='{setup.Mailbox.DefaultCalendarId}']")).ToBeEnabledAsync();

        // It can still be a conflict calendar: Outlook busy time is read from it.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Holidays" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved. Outlook calendars are syncing.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_slot_taken_in_another_tab_gets_a_friendly_message_and_fresh_times()
    {
        var setup = await SetupAsync();
        var first = await fixture.NewPageAsync();
        var second = await first.Context.NewPageAsync();
        foreach (var tab in new[] { first, second })
        {
            await tab.GotoAsync($"/book/{setup.CalendarId}");
            await ChooseTomorrowsFirstTimeAsync(tab);
            await tab.GetByLabel("Your name").FillAsync("Pat Doe");
            await tab.GetByLabel("Email").FillAsync("pat@example.com");
        }

        var taken = await second.Locator(".slots button[aria-pressed=true]").GetAttributeAsync("data-start");
        await first.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "You are booked" })).ToBeVisibleAsync();

        await second.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("that time was just taken");
        await Expect(second.Locator($".slots button[data-start='{taken}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_error_the_API_finds_is_shown_next_to_its_field_and_nothing_is_saved()
    {
        var (setup, page) = await ConnectedAsync();

        // The page offers what was true when it loaded; the API decides. Here the page is stale: it lets the
        // read-only calendar be picked, and the API's 422 must appear at the field.
        await page.Locator($"#linked option[value='{setup.Mailbox.ReadOnlyCalendarId}']").EvaluateAsync("option => option.disabled = false");
        await page.GetByLabel("Linked calendar").SelectOptionAsync(setup.Mailbox.ReadOnlyCalendarId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#error-linkedCalendarId")).ToContainTextAsync("read-only");
        await Expect(page.GetByLabel("Linked calendar")).ToHaveAttributeAsync("aria-describedby", "linked-help error-linkedCalendarId");
        Assert.Null((await setup.Client.GetJsonAsync(setup.ConnectionUrl)).Body!["linkedCalendarId"]);
    }

    [Fact]
    public async Task A_connection_whose_sign_in_was_revoked_is_reconnected_and_can_be_disconnected_after_a_confirmation()
    {
        var (setup, page) = await ConnectedAsync();
        fixture.Outlook.RevokeRefreshTokens(setup.Mailbox.Email);
        fixture.Outlook.ExpireAccessTokens(setup.Mailbox.Email);
        (await setup.Client.GetJsonAsync($"{setup.ConnectionUrl}/calendars")).AssertProblem(HttpStatusCode.Conflict, "needs-reconnect");

        await page.GotoAsync("/console/connections");
        var row = page.Locator($"tr[data-user='{setup.UserId}']");
        await Expect(row).ToContainTextAsync("Needs reconnect");
        await Expect(row).ToContainTextAsync("AADSTS50173");
        fixture.Outlook.SetNextSignIn(new GraphEmulator.Identity.NextSignIn(setup.Mailbox.Email, false, OutlookFixture.ReadWriteScopes.Split(' ')));
        await row.GetByRole(AriaRole.Button, new() { Name = "Reconnect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Outlook is connected");

        await page.GotoAsync("/console/connections");
        await Expect(row).ToContainTextAsync("Connected");
        await row.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Disconnect Outlook?" });
        await Expect(dialog).ToContainTextAsync($"Disconnect {setup.Mailbox.Email} from Dana Scully?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Not connected");
        Assert.Equal(HttpStatusCode.NotFound, (await setup.Client.GetJsonAsync(setup.ConnectionUrl)).Status);
    }

    [Fact]
    public async Task Connecting_Outlook_and_configuring_its_calendars_need_only_the_keyboard()
    {
        var setup = await SetupAsync();
        var page = await fixture.NewPageAsync();
        var session = new ConsoleSession(fixture, page, setup.Client, setup.SubAccountId, setup.ApiKey);
        await session.SignInAsync();
        await page.GotoAsync("/console/connections");
        var row = page.Locator($"tr[data-user='{setup.UserId}']");

        await session.TabToAsync(row.GetByRole(AriaRole.Button, new() { Name = "Add new" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Outlook" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row.GetByRole(AriaRole.Radio, new() { Name = "Read and write" })).ToBeFocusedAsync();
        fixture.Outlook.SetNextSignIn(new GraphEmulator.Identity.NextSignIn(setup.Mailbox.Email, false, OutlookFixture.ReadWriteScopes.Split(' ')));
        await session.TabToAsync(row.GetByRole(AriaRole.Button, new() { Name = "Connect" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar configuration · Dana Scully" })).ToBeVisibleAsync();

        await session.TabToAsync(page.GetByLabel("Linked calendar"));
        await page.Keyboard.TypeAsync("Calendar");
        await Expect(page.GetByLabel("Linked calendar")).ToHaveValueAsync(setup.Mailbox.DefaultCalendarId);
        await session.TabToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Work" }));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByText("Advanced settings"));
        await page.Keyboard.PressAsync("Enter");
        await session.TabToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Tentative" }));
        await page.Keyboard.PressAsync("Space");
        await session.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "One way" }));
        await page.Keyboard.PressAsync("ArrowDown");
        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Saved. Outlook calendars are syncing.")).ToBeVisibleAsync();

        var connection = (await setup.Client.GetJsonAsync(setup.ConnectionUrl)).Body!;
        Assert.Equal(setup.Mailbox.DefaultCalendarId, connection["linkedCalendarId"]!.GetValue<string>());
        Assert.Contains(setup.Mailbox.WorkCalendarId, connection["conflictCalendarIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain("tentative", connection["syncPreferences"]!["blockingShowAs"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("twoWay", connection["syncPreferences"]!["direction"]!.GetValue<string>());
    }

    /// <summary>Tomorrow, not today: today's first time can fall inside the minimum notice while a test runs.</summary>
    private static async Task ChooseTomorrowsFirstTimeAsync(IPage page)
    {
        await page.Locator(".days button").Nth(1).ClickAsync();
        await page.Locator(".slots button").First.ClickAsync();
    }

    private sealed record Setup(HttpClient Client, string ApiKey, string SubAccountId, string UserId, string CalendarId, TestMailbox Mailbox)
    {
        public string ConnectionUrl => $"/v1/subaccounts/{SubAccountId}/users/{UserId}/connections/outlook";
    }

    /// <summary>A sub-account with a user, a public round-the-clock calendar, and an Outlook mailbox waiting to be connected.</summary>
    private async Task<Setup> SetupAsync()
    {
        var (sid, key) = await fixture.App.CreateAdminClient().CreateSubAccountAsync("Console Dental", "America/New_York");
        var client = fixture.App.CreateClientWithKey(key);
        var uid = await client.CreateUserAsync(sid, "Dana Scully", $"dana-{Guid.NewGuid():N}@example.com");
        var allDay = new JsonArray(new JsonObject { ["start"] = "00:00", ["end"] = "24:00" });
        var hours = new JsonObject();
        foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" })
        {
            hours[day] = allDay.DeepClone();
        }

        var (status, calendar) = await client.PostJsonAsync($"/v1/subaccounts/{sid}/calendars", new JsonObject
        {
            ["name"] = "Intro call", ["type"] = "personal", ["userIds"] = new JsonArray(uid), ["timeZone"] = "America/New_York",
            ["slotDurationMinutes"] = 30, ["bookingWindowDays"] = 30, ["publicBooking"] = true, ["weeklyHours"] = hours,
        }.ToJsonString());
        Assert.True(status == HttpStatusCode.Created, calendar?.ToJsonString());
        return new Setup(client, key, sid, uid, calendar!["id"]!.GetValue<string>(), fixture.NewMailbox("Dana"));
    }

    /// <summary>Signs in to the console and connects the user's Outlook through Add new → Outlook → Connect; ends on Calendar configuration.</summary>
    private async Task<(Setup Setup, IPage Page)> ConnectedAsync()
    {
        var setup = await SetupAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/console");
        await page.GetByLabel("Sub-account API key").FillAsync(setup.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendars", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Connections" }).ClickAsync();

        var row = page.Locator($"tr[data-user='{setup.UserId}']");
        await Expect(row).ToContainTextAsync("Not connected");
        await row.GetByRole(AriaRole.Button, new() { Name = "Add new" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Outlook" }).ClickAsync();
        fixture.Outlook.SetNextSignIn(new GraphEmulator.Identity.NextSignIn(setup.Mailbox.Email, false, OutlookFixture.ReadWriteScopes.Split(' ')));
        await row.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar configuration · Dana Scully" })).ToBeVisibleAsync();
        return (setup, page);
    }
}
