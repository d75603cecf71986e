using OrleansCalendar.GraphEmulator;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The server on a real loopback listener with <c>Server__PublicBaseUrl</c> pointing at it, so the emulator
/// validates the webhook endpoints and posts real notifications to them. Polling is effectively off: whatever
/// reaches free slots without a sync request came through a notification. Large pages, so one delta run is one
/// request and the request log counts runs.
/// </summary>
public sealed class WebhookFixture : OutlookFixture
{
    public static Dictionary<string, string?> WebhookSettings(TimeSpan? subscriptionLifetime = null)
    {
        var settings = new Dictionary<string, string?>(SyncFixture.SyncSettings)
        {
            ["Webhooks:SafetyNetIntervalSeconds"] = "3600",
            ["Webhooks:CoalesceWindow"] = "00:00:00.250",
        };
        if (subscriptionLifetime is { } lifetime)
        {
            settings["Webhooks:SubscriptionLifetime"] = lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>An app on its own listener, public URL set, with the given settings (the fixture's and extras).</summary>
    public static CalendarAppFactory CreateListeningApp(Dictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        settings["Server:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        return new CalendarAppFactory(settings: settings, kestrelPort: port);
    }

    protected override IDictionary<string, string?>? ExtraSettings => WebhookSettings();

    protected override GraphEmulatorOptions EmulatorOptions() => new() { DefaultPageSize = 1000, NotificationRetryDelay = TimeSpan.FromMilliseconds(200) };

    protected override CalendarAppFactory CreateApp(Dictionary<string, string?> settings) => CreateListeningApp(settings);
}
