using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>A new sub-account (in New York), its API client, and a browser page signed in to its console.</summary>
public sealed record ConsoleSession(BrowserFixture Fixture, IPage Page, HttpClient Client, string SubAccountId, string ApiKey)
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public string Base => $"/v1/subaccounts/{SubAccountId}";

    /// <summary>Today in New York, where the sub-account, its calendars and the browser are.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime);

    public static async Task<ConsoleSession> StartAsync(BrowserFixture fixture, ViewportSize? viewport = null)
    {
        var (sid, key) = await fixture.App.CreateAdminClient().CreateSubAccountAsync("Console Dental", "America/New_York");
        var session = new ConsoleSession(fixture, await fixture.NewPageAsync(viewport), fixture.App.CreateClientWithKey(key), sid, key);
        await session.SignInAsync();
        return session;
    }

    public async Task SignInAsync()
    {
        await Page.GotoAsync("/console");
        await Page.GetByLabel("Sub-account API key").FillAsync(ApiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Calendars", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Follows a link of the console's navigation (on a narrow screen too, where it wraps).</summary>
    public Task NavigateAsync(string section) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();

    public Task<string> CreateUserAsync(string name) => Client.CreateUserAsync(SubAccountId, name, $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com");

    public string ConnectionUrl(string userId) => $"{Base}/users/{userId}/connections/outlook";

    /// <summary>Connects a member's Outlook to a new emulated mailbox; then <paramref name="configuration"/> of it, if given, is saved.</summary>
    public async Task<TestMailbox> ConnectOutlookAsync(string userId, Func<TestMailbox, object>? configuration = null)
    {
        var mailbox = Fixture.NewMailbox("Dana");
        await OutlookConnectFlow.ConnectOkAsync(Fixture, Fixture.App, Client, SubAccountId, userId, mailbox.Email);
        if (configuration is not null)
        {
            var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"{ConnectionUrl(userId)}/configuration", configuration(mailbox));
            Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        }

        return mailbox;
    }

    /// <summary>Adds a team member on the Users page.</summary>
    public async Task AddMemberInConsoleAsync(string name)
    {
        await NavigateAsync("Users");
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Email").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(Page.Locator(".notice.ok")).ToContainTextAsync($"Added {name}");
    }

    /// <summary>Adds a webhook endpoint on the Webhooks page, taking <paramref name="eventType"/> only; returns the secret field it shows once.</summary>
    public async Task<ILocator> AddWebhookInConsoleAsync(string url, string eventType, string? description = null)
    {
        await NavigateAsync("Webhooks");
        await Page.GetByLabel("URL").FillAsync(url);
        if (description is not null)
        {
            await Page.GetByLabel("Description (optional)").FillAsync(description);
        }

        await Page.GetByRole(AriaRole.Checkbox, new() { Name = eventType }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        return Page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" });
    }

    /// <summary>
    /// A visitor books the first free time of the first day after today on a public booking page; returns that day and
    /// the time's start as the page has it.
    /// </summary>
    public async Task<(string Day, string Start)> BookOnBookingPageAsync(string link, ViewportSize? viewport = null)
    {
        var visitor = await Fixture.NewPageAsync(viewport);
        await visitor.GotoAsync(link);
        await Expect(visitor.Locator(".days button").First).ToBeVisibleAsync();
        var day = await visitor.Locator($".days button:not([data-date='{Today:yyyy-MM-dd}'])").First.GetAttributeAsync("data-date");
        await visitor.Locator($".days button[data-date='{day}']").ClickAsync();
        var slot = visitor.Locator(".slots button").First;
        var start = await slot.GetAttributeAsync("data-start");
        await slot.ClickAsync();
        await visitor.GetByLabel("Your name").FillAsync("Pat Doe");
        await visitor.GetByLabel("Email").FillAsync("pat@example.com");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "You are booked" })).ToBeVisibleAsync();
        return (day!, start!);
    }

    /// <summary>
    /// A calendar bookable every day around the clock, so tests can book tomorrow whatever today is;
    /// <paramref name="configure"/> changes the request's body before it is sent.
    /// </summary>
    public async Task<string> CreateCalendarAsync(string name, string type, string[] userIds, int slotMinutes = 30, bool publicBooking = false, Action<JsonObject>? configure = null)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["type"] = type, ["userIds"] = new JsonArray(userIds.Select(u => (JsonNode)u!).ToArray()), ["timeZone"] = "America/New_York",
            ["slotDurationMinutes"] = slotMinutes, ["bookingWindowDays"] = 30, ["publicBooking"] = publicBooking, ["weeklyHours"] = EveryDay("00:00", "24:00"),
        };
        configure?.Invoke(body);
        var (status, calendar) = await Client.PostJsonAsync($"{Base}/calendars", body.ToJsonString());
        Assert.True(status == HttpStatusCode.Created, calendar?.ToJsonString());
        return calendar!["id"]!.GetValue<string>();
    }

    /// <summary>Weekly hours with the same range on every day of the week.</summary>
    public static JsonObject EveryDay(string open, string close) => new(
        new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => KeyValuePair.Create(day, (JsonNode?)new JsonArray(new JsonObject { ["start"] = open, ["end"] = close }))));

    /// <summary>Books a New York wall-clock time through the API; returns the appointment.</summary>
    public async Task<JsonNode> BookAsync(string calendarId, DateOnly day, int hour, string contactName)
    {
        var (status, appointment) = await Client.PostJsonAsync($"{Base}/calendars/{calendarId}/appointments",
            new { start = At(day, hour), contact = new { name = contactName, email = "contact@example.com" } });
        Assert.True(status == HttpStatusCode.Created, appointment?.ToJsonString());
        return appointment!;
    }

    /// <summary>A New York wall-clock time as the API writes it.</summary>
    public static string At(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the week view and steps forward to the week of <paramref name="day"/> (this week or a later one).</summary>
    public async Task ShowWeekOfAsync(DateOnly day)
    {
        await Expect(Page.Locator("#week-heading")).Not.ToBeEmptyAsync();
        for (var weeks = (MondayOf(day).DayNumber - MondayOf(Today).DayNumber) / 7; weeks > 0; weeks--)
        {
            var heading = await Page.Locator("#week-heading").TextContentAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
            await Expect(Page.Locator("#week-heading")).Not.ToHaveTextAsync(heading!);
        }
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus: proof it is in the keyboard order.</summary>
    public async Task TabToAsync(ILocator target, bool backwards = false)
    {
        for (var presses = 0; presses < 150; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    /// <summary>Nothing wider than the screen: no sideways scrolling on a phone.</summary>
    public async Task AssertFitsWidthAsync(string what)
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name the innermost elements that stick out, so the failure says what to fix.
            var culprits = await Page.EvaluateAsync<string[]>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const sticksOut = (e) => e.getBoundingClientRect().right + window.scrollX > width + 0.5;
                  return [...document.querySelectorAll('body *')].filter(e => sticksOut(e) && ![...e.children].some(sticksOut)).slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map(c => '.' + c).join('')} "${e.textContent.trim().slice(0, 40)}"`);
                }
                """);
            Assert.Fail($"{what} is {overflow}px wider than the screen: {string.Join(", ", culprits)}");
        }
    }
}
