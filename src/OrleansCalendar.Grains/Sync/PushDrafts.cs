using System.Security.Cryptography;
using System.Text;
using NodaTime;
using OrleansCalendar.Domain.External;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>How a push record is written to Outlook, and how long a failed one waits.</summary>
internal static class PushDrafts
{
    public const string CancelledPrefix = "Cancelled: ";

    /// <summary>
    /// Derived from the integration, the appointment and the generation of the copy, so every retry of one create
    /// carries the same id (Graph answers with the event it made the first time) and a re-created copy a new one.
    /// </summary>
    public static string TransactionId(string integrationKey, string appointmentId, int generation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{integrationKey}\n{appointmentId}\n{generation}"));
        return "oc-" + Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    /// <summary>The tag value: which appointment of which sub-account the event copies.</summary>
    public static string Tag(string subAccountId, string appointmentId) => $"{subAccountId}/{appointmentId}";

    public static OutlookEventDraft Draft(PushRecord push, string tag, bool markCancelled = false)
    {
        var zone = ZoneNames.Resolve(push.TimeZone) ?? DateTimeZone.Utc;
        return new OutlookEventDraft(
            markCancelled ? CancelledPrefix + push.Subject : push.Subject,
            push.Body,
            Wall(push.Start, zone),
            Wall(push.End, zone),
            zone.Id,
            markCancelled ? "free" : "busy",
            push.TransactionId,
            tag);
    }

    /// <summary>Exponential backoff with ±20% jitter, capped, and never sooner than Graph's Retry-After.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max, TimeSpan? retryAfter)
    {
        var exponential = first * Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 20));
        var capped = exponential > max ? max : exponential;
        var jittered = capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }

    private static DateTime Wall(DateTimeOffset instant, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
}
