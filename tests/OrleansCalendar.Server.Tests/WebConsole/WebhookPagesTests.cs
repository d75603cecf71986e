using System.Net;
using Microsoft.Playwright;
using OrleansCalendar.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.WebConsole;

/// <summary>The Webhooks page: endpoints with their status, the secret shown once, test pings and the delivery log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhookPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_endpoint_added_in_the_console_receives_a_booking_signed_with_the_secret_shown_once()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var cid = await session.CreateCalendarAsync("Intro call", "personal", [await session.CreateUserAsync("Dana Scully")], publicBooking: true);
        var hookUrl = fixture.Receiver.NewUrl(out var hook);

        var secretField = await session.AddWebhookInConsoleAsync(hookUrl, "Appointment booked", "Front desk");
        await Expect(secretField).ToBeFocusedAsync();
        var secret = await secretField.InputValueAsync();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy secret: signing secret" }).ClickAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var row = page.Locator("tr[data-endpoint]");
        await Expect(row).ToContainTextAsync(hookUrl);
        await Expect(row).ToContainTextAsync("Appointment booked");
        await Expect(row).ToContainTextAsync("Enabled");
        await BrowserFixture.ScreenshotAsync(page, "webhooks.png");

        // Shown once: the page after a reload has no secret, and neither has the API.
        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Front desk");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" })).ToHaveCountAsync(0);
        var eid = await row.GetAttributeAsync("data-endpoint");
        Assert.Null((await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints/{eid}")).Body!["secret"]);

        await session.BookAsync(cid, ConsoleSession.Today.AddDays(1), 10, "Pat Doe");
        var received = await fixture.Receiver.WaitAsync(hook, r => r.Count >= 1, "the booking's webhook");
        Assert.Contains("\"appointment.created\"", received[0].Body, StringComparison.Ordinal);
        Assert.True(received[0].IsSignedWith(secret), "the webhook is signed with the secret the console showed");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Send test to {hookUrl}" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Test sent");
        await fixture.Receiver.WaitAsync(hook, r => r.Any(h => h.Body.Contains("\"ping\"", StringComparison.Ordinal)), "the test ping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(page.Locator("tr[data-event-type='appointment.created']")).ToContainTextAsync("Delivered");
        await Expect(page.Locator("tr[data-event-type='ping']")).ToContainTextAsync("Delivered");
    }

    [Fact]
    public async Task A_failed_delivery_is_shown_with_its_answer_and_retried_from_the_log()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        var hookUrl = fixture.Receiver.NewUrl(out var hook);
        fixture.Receiver.Answer(hook, 500);
        var (status, endpoint) = await session.Client.PostJsonAsync($"{session.Base}/webhook-endpoints", new { url = hookUrl });
        Assert.Equal(HttpStatusCode.Created, status);
        var eid = endpoint!["id"]!.GetValue<string>();

        await page.GotoAsync($"/console/webhooks/{eid}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Test sent");
        await Eventually.ValueAsync(async () => (await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints/{eid}/deliveries?status=failed")).Body!["items"]!.AsArray().Count,
            count => count == 1, "the ping to fail after its retries");
        await page.GetByLabel("Show").SelectOptionAsync("failed");
        var failed = page.Locator("tr[data-event-type='ping']");
        await Expect(failed).ToContainTextAsync("Failed");
        await Expect(failed).ToContainTextAsync("HTTP 500");
        await BrowserFixture.ScreenshotAsync(page, "webhook-deliveries.png");

        fixture.Receiver.Answer(hook, 200);
        await failed.GetByRole(AriaRole.Button, new() { Name = "Retry Test ping" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Sent again.");
        await Eventually.ValueAsync(async () => (await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints/{eid}/deliveries?status=succeeded")).Body!["items"]!.AsArray().Count,
            count => count == 1, "the retried ping to arrive");
        await page.GetByLabel("Show").SelectOptionAsync("succeeded");
        await Expect(page.Locator("tr[data-event-type='ping']")).ToContainTextAsync("Delivered");

        // Disabled, it takes no test; deleted after a confirmation, it is gone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to webhooks" }).ClickAsync();
        var row = page.Locator($"tr[data-endpoint='{eid}']");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {hookUrl}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Disabled");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Send test to {hookUrl}" })).ToBeDisabledAsync();
        Assert.Equal("disabled", (await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints/{eid}")).Body!["status"]!.GetValue<string>());
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {hookUrl}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete endpoint" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints/{eid}")).Status);
    }

    [Fact]
    public async Task An_endpoint_the_API_refuses_shows_why_at_its_field()
    {
        var session = await ConsoleSession.StartAsync(fixture);
        var page = session.Page;
        await page.GotoAsync("/console/webhooks");
        await page.GetByLabel("URL").FillAsync("ftp://example.com/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.Locator("#error-url")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("URL")).ToBeFocusedAsync();
        Assert.Empty((await session.Client.GetJsonAsync($"{session.Base}/webhook-endpoints")).Body!["items"]!.AsArray());
    }
}
