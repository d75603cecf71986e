using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>A wall-clock time in a named zone, as Graph's <c>dateTimeTimeZone</c>; the name is kept as the client sent it.</summary>
internal readonly record struct ZonedTime(DateTime WallClock, string ZoneName, TimeZoneInfo Zone)
{
    public DateTime Utc => TimeZones.ToUtc(WallClock, Zone);

    public static ZonedTime FromUtc(DateTime utc, string zoneName, TimeZoneInfo zone) =>
        new(TimeZones.FromUtc(utc, zone), zoneName, zone);
}
