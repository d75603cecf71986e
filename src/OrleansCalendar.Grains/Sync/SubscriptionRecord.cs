namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The Graph subscription of one watched calendar. The clientState is not kept: only its hash lives in the
/// subscription's index grain, and a recreated subscription gets a new one.
/// </summary>
[GenerateSerializer]
public sealed class SubscriptionRecord
{
    /// <summary>Null until Graph confirmed one (and again once Graph says it is gone).</summary>
    [Id(0)]
    public string? SubscriptionId { get; set; }

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The notification URL it was made for: a changed public URL means a new subscription.</summary>
    [Id(2)]
    public string NotificationUrl { get; set; } = "";

    /// <summary>Failed creates or renewals in a row; drives the backoff.</summary>
    [Id(3)]
    public int Attempts { get; set; }

    [Id(4)]
    public DateTimeOffset NextAttemptAt { get; set; }

    [Id(5)]
    public string? LastError { get; set; }

    [Id(6)]
    public DateTimeOffset? LastNotificationAt { get; set; }

    /// <summary>Graph asked for reauthorization: renew with a freshly refreshed token at the next turn.</summary>
    [Id(7)]
    public bool RenewNow { get; set; }

    /// <summary>Half-way through the confirmed lifetime: when the renewal is due.</summary>
    [Id(8)]
    public DateTimeOffset RenewAt { get; set; }

    public bool IsLive(DateTimeOffset now) => SubscriptionId is not null && ExpiresAt > now;
}
