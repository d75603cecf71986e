using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The server on a real listener (public URL set, so OAuth redirects come back to it), the Graph emulator, a webhook
/// receiver, and Debian's Chromium driven by Playwright. Chromium is never downloaded: <c>.ci/run</c> installs the
/// distribution package and the tests point Playwright at <see cref="ChromiumPath"/>.
/// </summary>
public sealed class BrowserFixture : OutlookFixture, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => App.KestrelBaseUrl!;

    /// <summary>Receives the event webhooks the console's Webhooks page sets up (private targets are allowed here).</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IDictionary<string, string?>? ExtraSettings =>
        SyncFixture.SyncSettings.Concat(EventsFixture.Settings).ToDictionary(s => s.Key, s => s.Value);

    protected override CalendarAppFactory CreateApp(Dictionary<string, string?> settings) => WebhookFixture.CreateListeningApp(settings);

    public new async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        }

        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();

        // The machine is shared with other builds: give pages time rather than fail on a slow moment.
        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine's network is loopback only: keep Chromium from reaching for Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }

    /// <summary>A phone-sized viewport, for the console's narrow layout.</summary>
    public static readonly ViewportSize Narrow = new() { Width = 390, Height = 844 };

    /// <summary>
    /// A fresh browser context (its own session storage), as a visitor in New York sees the pages; at
    /// <paramref name="viewport"/> (a phone-sized one is a touch device too) or the default desktop size.
    /// </summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), TimezoneId = "America/New_York", Locale = "en-US" };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
            options.IsMobile = viewport.Width < 640;
            options.HasTouch = viewport.Width < 640;
        }

        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot when <c>ORLEANSCALENDAR_SCREENSHOTS</c> names a folder (how the README's pictures are made).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ORLEANSCALENDAR_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
