using NodaTime;
using NodaTime.TimeZones;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>The project's two daylight-saving rules, in one place (see docs/scheduling-rules.md).</summary>
public static class LocalTimes
{
    /// <summary>
    /// A slot start: a local time that does not exist (spring-forward gap) gives no slot; an ambiguous one
    /// (fall-back overlap) is its earlier instant, so the same local slot is never offered twice.
    /// </summary>
    public static Instant? ResolveSlotStart(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant();
    }

    private static readonly ZoneLocalMappingResolver BoundResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>A window bound: inside a gap it moves to the first instant after the gap; ambiguous is earlier.</summary>
    public static Instant ResolveBound(LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, BoundResolver).ToInstant();
}
