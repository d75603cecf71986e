namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Settings under <c>Webhooks__*</c>. Webhooks run when the server knows its public URL (<c>Server__PublicBaseUrl</c>,
/// copied into <see cref="NotificationBaseUrl"/>) and <see cref="Enabled"/> is not turned off.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Graph keeps Outlook event subscriptions at most this long (7 days).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10080);

    public bool Enabled { get; set; } = true;

    /// <summary>The public base URL Graph posts to; <c>/v1/webhooks/outlook</c> and <c>.../lifecycle</c> are appended.</summary>
    public Uri? NotificationBaseUrl { get; set; }

    /// <summary>How long a subscription is asked to live; it is renewed once half of that has passed.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Notifications for one calendar within this window cause a single delta run.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The polling period while every synced calendar has a live subscription (the safety net).</summary>
    public int SafetyNetIntervalSeconds { get; set; } = 3600;

    public bool IsOn => Enabled && NotificationBaseUrl is not null;

    public Uri NotificationUrl => new(Base() + "/v1/webhooks/outlook");

    public Uri LifecycleUrl => new(Base() + "/v1/webhooks/outlook/lifecycle");

    public TimeSpan SafetyNetInterval => TimeSpan.FromSeconds(SafetyNetIntervalSeconds);

    /// <summary>Why the settings cannot work, or null.</summary>
    public string? Problem() =>
        SubscriptionLifetime < TimeSpan.FromSeconds(2) || SubscriptionLifetime > MaxLifetime ? "Webhooks__SubscriptionLifetime must be between 2 seconds and 7 days (10,080 minutes)."
        : CoalesceWindow < TimeSpan.Zero || CoalesceWindow > TimeSpan.FromMinutes(1) ? "Webhooks__CoalesceWindow must be between 0 and 1 minute."
        : SafetyNetIntervalSeconds < 1 ? "Webhooks__SafetyNetIntervalSeconds must be at least 1."
        : NotificationBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)) ? "Server__PublicBaseUrl must be an absolute http(s) URL."
        : null;

    private string Base() => (NotificationBaseUrl ?? throw new InvalidOperationException("Webhooks are off: no public base URL.")).ToString().TrimEnd('/');
}
