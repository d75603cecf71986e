namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>
/// Time zone lookup accepting Windows and IANA names (ICU on Linux resolves both) and the UTC aliases Outlook uses.
/// </summary>
internal static class TimeZones
{
    private static readonly HashSet<string> UtcAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z", "Coordinated Universal Time", "tzone://Microsoft/Utc",
    };

    public static bool TryFind(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        if (UtcAliases.Contains(name.Trim()))
        {
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo FindOrThrow(string? name) =>
        TryFind(name, out var zone)
            ? zone
            : throw new GraphErrorException(
                400,
                "TimeZoneNotSupportedException",
                $"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{name}'.");

    /// <summary>Wall clock to UTC; a time skipped by a DST jump moves forward like Outlook does.</summary>
    public static DateTime ToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 4)
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone),
            DateTimeKind.Unspecified);
}
