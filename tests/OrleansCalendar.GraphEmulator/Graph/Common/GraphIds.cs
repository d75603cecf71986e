using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>
/// Outlook-looking opaque ids. Occurrence ids are derived from the series master and the
/// occurrence's original date, so they are distinct per occurrence and stable across calls.
/// </summary>
internal static class GraphIds
{
    private const string ItemPrefix = "AAMkAGI2";
    private const string CalendarPrefix = "AAMkAGQ1";
    private const string OccurrencePrefix = "AAMkAGOc";

    public static string NewItemId() => ItemPrefix + Encode(RandomNumberGenerator.GetBytes(30));

    public static string NewCalendarId() => CalendarPrefix + Encode(RandomNumberGenerator.GetBytes(30));

    public static string NewChangeKey() => "DwAAABYAAA" + Encode(RandomNumberGenerator.GetBytes(12));

    public static string NewICalUId() =>
        "040000008200E00074C5B7101A82E00800000000" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public static string NewOpaqueToken() => Encode(RandomNumberGenerator.GetBytes(24)).TrimEnd('=');

    public static string OccurrenceId(string masterId, DateOnly originalDate) =>
        OccurrencePrefix + Encode(Encoding.UTF8.GetBytes(
            masterId + "|" + originalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));

    public static bool TryParseOccurrenceId(string id, out string masterId, out DateOnly originalDate)
    {
        masterId = string.Empty;
        originalDate = default;
        if (!id.StartsWith(OccurrencePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var raw = id[OccurrencePrefix.Length..].Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(raw));
            var bar = text.LastIndexOf('|');
            if (bar < 0 || !DateOnly.TryParseExact(
                    text[(bar + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out originalDate))
            {
                return false;
            }

            masterId = text[..bar];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>URL-safe base64 that keeps Outlook's trailing '=' padding.</summary>
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
}
