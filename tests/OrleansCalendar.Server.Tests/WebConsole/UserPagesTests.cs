using System.Net;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>The Users page: team members listed and added, each linked to their Outlook connection.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UserPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_is_added_with_errors_shown_at_their_fields_and_links_to_their_Outlook_connection()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var taken = $"dana-{Guid.NewGuid():N}@example.com";
        await session.Client.CreateUserAsync(session.SubAccountId, "Dana Scully", taken);
        await session.NavigateAsync("Users");

        await page.GetByLabel("Name").FillAsync("Fox Mulder");
        await page.GetByLabel("Email").FillAsync("not an email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(page.Locator("#error-email")).ToHaveTextAsync("Email must be an email address.");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();

        await page.GetByLabel("Email").FillAsync(taken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(page.Locator("#error-email")).ToContainTextAsync("already has the email");

        var fox = $"fox-{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("Email").FillAsync(fox);
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Added Fox Mulder.");
        var users = (await session.Client.GetJsonAsync($"{session.Base}/users")).Body!["items"]!.AsArray();
        var added = Assert.Single(users, u => u!["email"]!.GetValue<string>() == fox)!;
        Assert.Equal("Europe/Berlin", added["timeZone"]!.GetValue<string>());
        var row = page.Locator($"tr[data-user='{added["id"]}']");
        await Expect(row).ToContainTextAsync("Europe/Berlin");
        await Expect(row).ToContainTextAsync("Not connected");
        await BrowserFixture.ScreenshotAsync(page, "users.png");

        await row.GetByRole(AriaRole.Link, new() { Name = "Outlook connection of Fox Mulder" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connections" })).ToBeVisibleAsync();
        var connectionRow = page.Locator($"tr[data-user='{added["id"]}']");
        await Expect(connectionRow).ToBeFocusedAsync();
        await Expect(connectionRow.GetByRole(AriaRole.Button, new() { Name = "Add new" })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetJsonAsync($"{session.Base}/users/{added["id"]}")).Status);
    }
}
