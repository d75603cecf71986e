using System.Globalization;

namespace OrleansCalendar.Grains.Events;

/// <summary>Outbound event webhooks (<c>Events__*</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    public const string DefaultRetrySchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>Waits between attempts, comma-separated TimeSpans: after the last one fails, the delivery is failed.</summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>An endpoint whose every delivery has failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Allows http and loopback, private and link-local targets (development and tests).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long finished deliveries stay in the delivery log.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A prepared event neither committed nor aborted this long after is verified with its producer.</summary>
    public TimeSpan VerifyAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries in flight to one endpoint at a time.</summary>
    public int MaxConcurrencyPerEndpoint { get; set; } = 8;

    /// <summary>Pending deliveries one endpoint holds; more are failed at once (and can be retried by hand).</summary>
    public int MaxPendingPerEndpoint { get; set; } = 1000;

    /// <summary>The waits of <see cref="RetrySchedule"/>, or null when it does not parse.</summary>
    public IReadOnlyList<TimeSpan>? ParseRetrySchedule()
    {
        var waits = new List<TimeSpan>();
        foreach (var part in RetrySchedule.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var wait) || wait < TimeSpan.Zero)
            {
                return null;
            }

            waits.Add(wait);
        }

        return waits;
    }

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() =>
        ParseRetrySchedule() is null ? $"Events__RetrySchedule '{RetrySchedule}' is not a comma-separated list of TimeSpans."
        : DisableAfter <= TimeSpan.Zero ? "Events__DisableAfter must be positive."
        : DeliveryRetention < TimeSpan.FromDays(1) ? "Events__DeliveryRetention must be at least one day."
        : VerifyAfter <= TimeSpan.Zero ? "Events__VerifyAfter must be positive."
        : MaxConcurrencyPerEndpoint is < 1 or > 64 ? "Events__MaxConcurrencyPerEndpoint must be 1..64."
        : MaxPendingPerEndpoint < 1 ? "Events__MaxPendingPerEndpoint must be positive."
        : null;
}
