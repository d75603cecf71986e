using NodaTime;
using NodaTime.TimeZones;

namespace OrleansCalendar.Domain.External;

/// <summary>
/// Turns the zone names Outlook writes into zones: IANA names, Windows names ("Eastern Standard Time") and
/// Outlook's own "tzone://Microsoft/Utc". Unknown names are null, never an exception.
/// </summary>
public static class ZoneNames
{
    public static DateTimeZone? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (name is "UTC" or "Utc" or "tzone://Microsoft/Utc" or "Coordinated Universal Time")
        {
            return DateTimeZone.Utc;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) is { } iana)
        {
            return iana;
        }

        var mapping = TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;
        return mapping.TryGetValue(name, out var mapped) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(mapped) : null;
    }
}
