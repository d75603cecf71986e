using NodaTime;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// The one rule for the offset a response time carries. A time on a calendar (an appointment's start and end, a
/// free slot) is given in that calendar's zone, or in the zone the request named; a user's busy time in the user's
/// zone; a bookkeeping timestamp (created, updated, synced, expires) in UTC, written <c>Z</c>. The instant never
/// changes, only how it is written: a client can show a time without converting it.
/// </summary>
public static class ResponseTimes
{
    /// <summary>A bookkeeping timestamp.</summary>
    public static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    /// <inheritdoc cref="Utc(DateTimeOffset)"/>
    public static DateTimeOffset? Utc(DateTimeOffset? time) => time?.ToUniversalTime();

    /// <summary>A time as the clock in <paramref name="zoneId"/> shows it; UTC when the zone is unknown (a deleted calendar).</summary>
    public static DateTimeOffset InZone(DateTimeOffset time, string? zoneId) =>
        zoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone
            ? Instant.FromDateTimeOffset(time).InZone(zone).ToDateTimeOffset()
            : time.ToUniversalTime();
}
