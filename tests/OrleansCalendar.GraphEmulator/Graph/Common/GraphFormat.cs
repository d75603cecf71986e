using System.Globalization;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>Date and time text as Graph writes it.</summary>
internal static class GraphFormat
{
    /// <summary>Wall-clock time without offset, seven fraction digits: <c>2026-12-01T09:00:00.0000000</c>.</summary>
    public static string LocalDateTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>UTC timestamp with seven fraction digits and <c>Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO 8601 instant; a value without offset is taken as UTC.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>
    /// Parses Graph's <c>dateTimeTimeZone.dateTime</c>. Returns wall-clock time; when the text
    /// carries an offset (or Z) the instant is returned through <paramref name="instant"/>.
    /// </summary>
    public static bool TryParseWallClock(string? text, out DateTime wallClock, out DateTimeOffset? instant)
    {
        instant = null;
        wallClock = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            wallClock = parsed;
            return true;
        }

        var offsetValue = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        instant = offsetValue;
        wallClock = DateTime.SpecifyKind(offsetValue.UtcDateTime, DateTimeKind.Unspecified);
        return true;
    }
}
