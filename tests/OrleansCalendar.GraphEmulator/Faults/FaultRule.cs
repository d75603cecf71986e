namespace OrleansCalendar.GraphEmulator.Faults;

/// <summary>
/// An injected fault: requests matching <see cref="Method"/>, <see cref="PathPrefix"/> and <see cref="Mailbox"/>
/// get <see cref="StatusCode"/> (with <c>Retry-After</c> when set) and/or wait <see cref="Latency"/> first,
/// for the next <see cref="Count"/> requests and/or for <see cref="Duration"/> after the rule is added.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Assigned when the rule is added.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Start of the request path to match, case-insensitive (for example <c>/v1.0/me/calendars</c>).</summary>
    public string PathPrefix { get; init; } = "/v1.0";

    /// <summary>Text the (unescaped) query string must contain, for example <c>$skiptoken</c>; null matches any.</summary>
    public string? QueryContains { get; init; }

    /// <summary>Mailbox (id or address) whose requests match; null matches any.</summary>
    public string? Mailbox { get; init; }

    /// <summary>Status to answer (429, 500, 502, 503, 504...); null only adds <see cref="Latency"/>.</summary>
    public int? StatusCode { get; init; }

    /// <summary><c>Retry-After</c> seconds; 429 answers carry 1 when unset.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Graph error code in the body; a default per status when unset (429: <c>TooManyRequests</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Requests the rule still applies to; null for no limit.</summary>
    public int? Count { get; init; }

    /// <summary>How long the rule stays active after it is added; null until removed.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Carry the request out first and only then answer <see cref="StatusCode"/>: the answer is lost on the way
    /// back (a gateway timeout after Graph did the work). What retries must survive without duplicates.
    /// </summary>
    public bool AfterHandling { get; init; }

    /// <summary>Delay before answering (counted as in flight).</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>When the rule stops applying (set from <see cref="Duration"/> when added).</summary>
    public DateTimeOffset? ActiveUntil { get; init; }

    /// <summary>Requests the rule has applied to so far.</summary>
    public int Hits { get; init; }

    /// <summary>429 with <c>Retry-After</c> for the next <paramref name="count"/> requests under <paramref name="pathPrefix"/>.</summary>
    public static FaultRule Throttle(string pathPrefix = "/v1.0", int retryAfterSeconds = 1, int? count = 1, string? method = null, string? mailbox = null) =>
        new() { PathPrefix = pathPrefix, StatusCode = 429, RetryAfterSeconds = retryAfterSeconds, Count = count, Method = method, Mailbox = mailbox };

    /// <summary>An error status (500, 503, 504...) for the next <paramref name="count"/> requests.</summary>
    public static FaultRule Fail(int statusCode, string pathPrefix = "/v1.0", int? count = 1, string? method = null, string? mailbox = null) =>
        new() { PathPrefix = pathPrefix, StatusCode = statusCode, Count = count, Method = method, Mailbox = mailbox };

    /// <summary>The request is carried out, then answered with <paramref name="statusCode"/> instead of its result.</summary>
    public static FaultRule FailAfterHandling(int statusCode, string pathPrefix = "/v1.0", int? count = 1, string? method = null, string? mailbox = null) =>
        Fail(statusCode, pathPrefix, count, method, mailbox) with { AfterHandling = true };

    /// <summary>Added latency on every matching request until removed.</summary>
    public static FaultRule Delay(TimeSpan latency, string pathPrefix = "/v1.0", string? mailbox = null) =>
        new() { PathPrefix = pathPrefix, Latency = latency, Mailbox = mailbox };
}
