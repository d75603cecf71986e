namespace OrleansCalendar.GraphEmulator;

/// <summary>
/// Settings of one emulator instance. Standalone, they bind from the <c>Emulator</c> configuration
/// section (for example <c>Emulator__ClientSecret</c>).
/// </summary>
public sealed class GraphEmulatorOptions
{
    /// <summary>Client id of the registered application.</summary>
    public string ClientId { get; set; } = "orleans-calendar-dev";

    /// <summary>Client secret of the registered application.</summary>
    public string ClientSecret { get; set; } = "dev-secret";

    /// <summary>Registered redirect URIs; empty accepts any absolute URI.</summary>
    public IList<string> RedirectUris { get; set; } = [];

    /// <summary>Directory (tenant) id put in tokens and notifications.</summary>
    public string TenantId { get; set; } = "6f1d5b8e-2c4a-4e8b-9a3d-0c5e7f9b1a2d";

    /// <summary>Graph permissions granted for <c>.default</c>.</summary>
    public IList<string> DefaultScopes { get; set; } = ["Calendars.ReadWrite", "User.Read"];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A refresh token unused for this long dies with AADSTS70008 (Entra: 90 days of inactivity).</summary>
    public TimeSpan RefreshTokenInactivityLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When true a refresh token stops working once it has been redeemed. Entra keeps the
    /// previous one valid, so the default is false.
    /// </summary>
    public bool InvalidateRotatedRefreshTokens { get; set; }

    /// <summary>Page size of collections when the client asks for none (Graph uses 10 for calendars and events).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest page honoured from <c>$top</c> or <c>odata.maxpagesize</c>.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Longest subscription lifetime for Outlook events, in minutes.</summary>
    public int MaxSubscriptionMinutes { get; set; } = 10080;

    /// <summary>Time a notification endpoint has to answer the validation request.</summary>
    public TimeSpan SubscriptionValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a notification endpoint has to answer one delivery attempt.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delivery attempts per notification before it is given up.</summary>
    public int NotificationMaxAttempts { get; set; } = 3;

    /// <summary>Pause before the second attempt; it doubles for later ones.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Notifications delivered at the same time.</summary>
    public int NotificationConcurrency { get; set; } = 4;

    /// <summary>
    /// When set, Graph requests beyond this many in flight for one mailbox get 429
    /// <c>ApplicationThrottled</c>, as Outlook does at 4. Off by default; in-flight peaks are recorded either way.
    /// </summary>
    public int? MailboxConcurrencyLimit { get; set; }

    /// <summary>
    /// Delta rounds also list items changed outside the window as removed, as the Graph docs warn.
    /// </summary>
    public bool DeltaReportsOutOfRangeChangesAsRemoved { get; set; } = true;

    /// <summary>Entries kept in the request log (oldest dropped first).</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Create the demo mailbox, calendars and events at start.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Clock used for token lifetimes, subscription expiry and timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
