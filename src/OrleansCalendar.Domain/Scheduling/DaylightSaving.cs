using NodaTime;
using NodaTime.TimeZones;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// The project's daylight-saving rules in one place (docs/scheduling-rules.md), so slot generation and booking
/// checks can never disagree about which instant a local time means.
/// </summary>
internal static class DaylightSaving
{
    // Earlier for ambiguous times: the first occurrence is the one a person means when they book "01:30" on the
    // night clocks go back, and picking one side keeps the same local slot from being offered twice.
    private static readonly ZoneLocalMappingResolver BoundResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>A slot start: none when the local time falls in a spring-forward gap, the earlier instant when ambiguous.</summary>
    public static Instant? SlotStart(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant();
    }

    /// <summary>A window bound: in a gap it moves to the first instant after the gap, ambiguous is the earlier instant.</summary>
    public static Instant WindowBound(LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, BoundResolver).ToInstant();
}
