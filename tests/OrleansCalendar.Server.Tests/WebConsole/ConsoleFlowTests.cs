using System.Globalization;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>A sub-account run from the console alone, from an empty account to a booking its webhook reports.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_calendar_created_in_the_console_is_booked_seen_in_the_week_troubleshot_and_reported_to_a_webhook()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var hookUrl = fixture.Receiver.NewUrl(out var hook);

        var secret = await (await session.AddWebhookInConsoleAsync(hookUrl, "Appointment booked")).InputValueAsync();
        await session.AddMemberInConsoleAsync("Dana Scully");

        await session.NavigateAsync("Calendars");
        await page.GetByRole(AriaRole.Link, new() { Name = "New calendar" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Intro call");
        await page.GetByLabel("Public booking").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Calendar created.");
        var link = await page.GetByLabel("Link", new() { Exact = true }).InputValueAsync();

        var (day, start) = await session.BookOnBookingPageAsync(link);

        await session.NavigateAsync("Appointments");
        await session.ShowWeekOfAsync(DateOnly.Parse(day, CultureInfo.InvariantCulture));
        var card = page.Locator("button.appointment", new() { HasText = "Pat Doe" });
        await Expect(card).ToBeVisibleAsync();
        var appointmentId = await card.GetAttributeAsync("data-appointment");

        // The booked time is no longer offered: the troubleshooter, reached from the calendar, says why.
        await card.ClickAsync();
        await page.Locator("#appointment-details").GetByRole(AriaRole.Link, new() { Name = "Intro call" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Troubleshoot a day" }).ClickAsync();
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain this day" }).ClickAsync();
        var row = page.Locator($"ol.timeline > li[data-start='{start}']");
        await Expect(row).ToHaveAttributeAsync("data-bookable", "false");
        await Expect(row).ToContainTextAsync("Blocked");
        var reason = row.Locator($"li[data-code='appointment'][data-appointment='{appointmentId}']");
        await Expect(reason).ToContainTextAsync("Dana Scully already has an appointment from");

        var received = await fixture.Receiver.WaitAsync(hook, r => r.Count >= 1, "the booking's webhook");
        var created = Assert.Single(received);
        Assert.Contains("\"appointment.created\"", created.Body, StringComparison.Ordinal);
        Assert.Contains(appointmentId!, created.Body, StringComparison.Ordinal);
        Assert.True(created.IsSignedWith(secret), "the webhook is signed with the secret the console showed");
    }
}
