using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>How events are written for one request: output time zone, expanded properties, <c>$select</c>.</summary>
internal sealed record EventRenderOptions(string ZoneName, TimeZoneInfo Zone, ODataQuery Query)
{
    /// <summary>Reads <c>Prefer: outlook.timezone</c> (default UTC) and echoes applied preferences.</summary>
    public static EventRenderOptions From(HttpContext context, ODataQuery query)
    {
        var prefer = PreferHeader.From(context.Request);
        if (string.Equals(prefer.IdType, "ImmutableId", StringComparison.OrdinalIgnoreCase))
        {
            // Ids never change in the emulator, so immutable ids are what every request gets anyway.
            PreferHeader.Applied(context, "IdType=\"ImmutableId\"");
        }

        if (prefer.OutlookTimeZone is { } name && TimeZones.TryFind(name, out var zone))
        {
            PreferHeader.Applied(context, $"outlook.timezone=\"{name}\"");
            return new EventRenderOptions(name, zone, query);
        }

        return new EventRenderOptions("UTC", TimeZoneInfo.Utc, query);
    }
}
