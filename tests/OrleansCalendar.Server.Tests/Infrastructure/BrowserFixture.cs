using Microsoft.Playwright;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The server on a real listener (public URL set, so OAuth redirects come back to it), the Graph emulator, and
/// Debian's Chromium driven by Playwright. Chromium is never downloaded: <c>.ci/run</c> installs the distribution
/// package and the tests point Playwright at <see cref="ChromiumPath"/>.
/// </summary>
public sealed class BrowserFixture : OutlookFixture, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => App.KestrelBaseUrl!;

    protected override IDictionary<string, string?>? ExtraSettings => SyncFixture.SyncSettings;

    protected override CalendarAppFactory CreateApp(Dictionary<string, string?> settings) => WebhookFixture.CreateListeningApp(settings);

    public new async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        }

        await base.InitializeAsync();
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
    }

    /// <summary>A fresh browser context (its own session storage), as a visitor in New York sees the pages.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), TimezoneId = "America/New_York", Locale = "en-US" });
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
