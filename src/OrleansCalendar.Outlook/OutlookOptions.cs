namespace OrleansCalendar.Outlook;

/// <summary>Settings under <c>Outlook__*</c>: the Entra app registration and the cloud to talk to.</summary>
public sealed class OutlookOptions
{
    public const string Section = "Outlook";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary><c>common</c>, <c>organizations</c>, <c>consumers</c> or a tenant id.</summary>
    public string Tenant { get; set; } = "common";

    /// <summary>The identity host; national clouds and emulators use another.</summary>
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>The Graph base URL including the version segment.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox.</summary>
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>
    /// How long one Graph or token request may take. Requests are made once: whether and when to try again is the
    /// caller's decision (the integration's backoff, which honours Retry-After), never the HTTP pipeline's.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a sign-in link (its OAuth state) stays usable.</summary>
    public TimeSpan AuthorizationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether an app registration is configured; without one, connecting answers 503 outlook-not-configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
