using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>Calendars in the web console: create, edit, booking page link and snippet, delete; errors at their fields.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_calendar_created_in_the_console_is_booked_on_its_public_page_and_shows_in_the_week_view(bool narrow)
    {
        var session = await ConsoleSession.StartAsync(fixture, narrow ? BrowserFixture.Narrow : null);
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await session.AddMemberInConsoleAsync("Dana Scully");

        await session.NavigateAsync("Calendars");
        await page.GetByRole(AriaRole.Link, new() { Name = "New calendar" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Intro call");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Personal" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Dana Scully" })).ToBeCheckedAsync();
        await page.GetByLabel("Buffer after (minutes)").FillAsync("10");
        await page.GetByLabel("Booking window (days)").FillAsync("30");

        // Monday gets a lunch break (two ranges); Saturday gets hours; Sunday stays closed.
        await page.GetByLabel("Monday, to").FillAsync("12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await page.GetByLabel("Monday, hours 2, from").FillAsync("13:00");
        await page.GetByLabel("Monday, hours 2, to").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Saturday" }).ClickAsync();
        await page.GetByLabel("Saturday, from").FillAsync("10:00");
        await page.GetByLabel("Saturday, to").FillAsync("14:00");
        await page.GetByLabel("Public booking").CheckAsync();
        await session.AssertFitsWidthAsync("the calendar form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Calendar created.");

        var calendars = (await session.Client.GetJsonAsync($"{session.Base}/calendars")).Body!["items"]!.AsArray();
        var calendar = Assert.Single(calendars)!;
        var cid = calendar["id"]!.GetValue<string>();
        Assert.Equal("Intro call", calendar["name"]!.GetValue<string>());
        Assert.Equal("personal", calendar["type"]!.GetValue<string>());
        Assert.Equal("America/New_York", calendar["timeZone"]!.GetValue<string>());
        Assert.Equal(10, calendar["bufferAfterMinutes"]!.GetValue<int>());
        Assert.Equal(30, calendar["bookingWindowDays"]!.GetValue<int>());
        Assert.True(calendar["publicBooking"]!.GetValue<bool>());
        Assert.Equal("""[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]""", calendar["weeklyHours"]!["monday"]!.ToJsonString());
        Assert.Equal("""[{"start":"10:00","end":"14:00"}]""", calendar["weeklyHours"]!["saturday"]!.ToJsonString());
        Assert.Equal("[]", (calendar["weeklyHours"]!["sunday"] ?? new JsonArray()).ToJsonString());

        var link = new Uri(fixture.BaseUrl, $"/book/{cid}").ToString();
        await Expect(page.GetByLabel("Link", new() { Exact = true })).ToHaveValueAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link: booking page link" }).ClickAsync();
        await Expect(page.GetByText("Copied.")).ToBeVisibleAsync();
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        if (!narrow)
        {
            await BrowserFixture.ScreenshotAsync(page, "calendar.png");
        }

        var (day, _) = await session.BookOnBookingPageAsync(link, narrow ? BrowserFixture.Narrow : null);

        await session.NavigateAsync("Appointments");
        await Expect(page.GetByLabel("Calendar or team member")).ToHaveValueAsync($"calendar:{cid}");
        await session.ShowWeekOfAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var card = page.Locator("button.appointment");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("Pat Doe");
        await Expect(card).ToContainTextAsync("Not in Outlook");
        await card.ClickAsync();
        await Expect(page.Locator("#appointment-details")).ToContainTextAsync("pat@example.com");
        await Expect(page.Locator("#appointment-details")).ToContainTextAsync("Dana Scully: Not synced");
        await session.AssertFitsWidthAsync("the week view");
    }

    [Fact]
    public async Task Errors_the_API_finds_are_shown_at_their_fields_and_nothing_is_created()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        await session.CreateUserAsync("Dana Scully");
        await page.GotoAsync("/console/calendars/new");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Collective" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Dana Scully" }).UncheckAsync();
        await page.GetByLabel("Duration (minutes)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await page.GetByLabel("Monday, hours 2, from").FillAsync("12:00");
        await page.GetByLabel("Monday, hours 2, to").FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();

        await Expect(page.Locator("#error-name")).ToHaveTextAsync("Name is required.");
        await Expect(page.Locator("#error-slotDurationMinutes")).ToHaveTextAsync("Duration (minutes) must be between 5 and 1440.");
        await Expect(page.Locator("#error-userIds")).ToContainTextAsync("collective calendar has 1 to 50 users");
        await Expect(page.Locator("#error-weeklyHours-monday")).ToContainTextAsync("Ranges must not overlap");
        await Expect(page.GetByLabel("Name")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Duration (minutes)")).ToHaveAttributeAsync("aria-describedby", "slot-duration-help error-slotDurationMinutes");
        Assert.Empty((await session.Client.GetJsonAsync($"{session.Base}/calendars")).Body!["items"]!.AsArray());

        // Fixed, it saves; the old messages go.
        await page.GetByLabel("Name").FillAsync("Team call");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Dana Scully" }).CheckAsync();
        await page.GetByLabel("Duration (minutes)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Monday, hours 2" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Calendar created.");
        Assert.Single((await session.Client.GetJsonAsync($"{session.Base}/calendars")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_calendar_is_edited_and_deleted_only_after_a_confirmation()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var dana = await session.CreateUserAsync("Dana Scully");
        var fox = await session.CreateUserAsync("Fox Mulder");
        var cid = await session.CreateCalendarAsync("Intro call", "personal", [dana]);

        await page.ReloadAsync();
        var row = page.Locator($"tr[data-calendar='{cid}']");
        await Expect(row).ToContainTextAsync("Dana Scully");
        await BrowserFixture.ScreenshotAsync(page, "calendars.png");
        await row.GetByRole(AriaRole.Link, new() { Name = "Intro call", Exact = true }).ClickAsync();

        await page.GetByLabel("Name").FillAsync("Team intro");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Round robin" }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Dana Scully" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Fox Mulder" }).CheckAsync();
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByLabel("Interval (minutes)").FillAsync("15");
        await page.GetByLabel("Buffer before (minutes)").FillAsync("5");
        await page.GetByLabel("Minimum notice (minutes)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Sunday" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team intro" })).ToBeVisibleAsync();

        var calendar = (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}")).Body!;
        Assert.Equal("Team intro", calendar["name"]!.GetValue<string>());
        Assert.Equal("roundRobin", calendar["type"]!.GetValue<string>());
        Assert.Equal(new[] { dana, fox }.Order(), calendar["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).Order());
        Assert.Equal("Europe/Berlin", calendar["timeZone"]!.GetValue<string>());
        Assert.Equal(15, calendar["slotIntervalMinutes"]!.GetValue<int>());
        Assert.Equal(5, calendar["bufferBeforeMinutes"]!.GetValue<int>());
        Assert.Equal(120, calendar["minimumNoticeMinutes"]!.GetValue<int>());
        Assert.Equal("[]", calendar["weeklyHours"]!["sunday"]!.ToJsonString());
        Assert.Equal("""[{"start":"00:00","end":"24:00"}]""", calendar["weeklyHours"]!["monday"]!.ToJsonString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete calendar" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete Team intro?" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep calendar" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}")).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete calendar" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete calendar" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Deleted Team intro.");
        await Expect(page.Locator($"tr[data-calendar='{cid}']")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetJsonAsync($"{session.Base}/calendars/{cid}")).Status);
    }

    [Fact]
    public async Task The_embed_snippet_shows_the_booking_page_inside_another_site()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var cid = await session.CreateCalendarAsync("Intro call", "personal", [await session.CreateUserAsync("Dana Scully")], publicBooking: true);
        await page.GotoAsync($"/console/calendars/{cid}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy snippet: embed snippet" }).ClickAsync();
        var snippet = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.GetByLabel("Embed on your site").InputValueAsync(), snippet);
        Assert.Contains($"src=\"{new Uri(fixture.BaseUrl, $"/book/{cid}")}\"", snippet, StringComparison.Ordinal);

        // Another site (another origin) pastes the snippet into its page.
        using var shop = ServeOnePage($"<!doctype html><html lang=\"en\"><title>Shop</title><h1>Our shop</h1>{snippet}</html>");
        var site = await fixture.NewPageAsync();
        await site.GotoAsync(shop.Prefixes.Single());
        await Expect(site.FrameLocator("iframe").GetByRole(AriaRole.Heading, new() { Name = "Intro call" })).ToBeVisibleAsync();

        // Only booking pages may be framed; the console never.
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        Assert.Contains("frame-ancestors *", (await http.GetAsync($"/book/{cid}")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", (await http.GetAsync("/console/calendars")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>A web server on another port (so another origin) that answers every request with one HTML page.</summary>
    private static HttpListener ServeOnePage(string html)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{FreePort.Next()}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            var body = System.Text.Encoding.UTF8.GetBytes(html);
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        return listener;
    }
}
