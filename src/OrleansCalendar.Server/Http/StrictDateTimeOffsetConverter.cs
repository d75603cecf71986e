using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// Accepts only ISO 8601 times that carry an offset (<c>...Z</c> or <c>...-05:00</c>). A time without one is
/// ambiguous, and guessing the server's zone would silently book the wrong hour, so it is rejected.
/// </summary>
public sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("must be an ISO 8601 string with an offset, for example '2026-12-01T09:00:00-05:00'.");
        }

        var text = reader.GetString()!;
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not an ISO 8601 time with an offset, for example '2026-12-01T09:00:00-05:00' or '2026-12-01T14:00:00Z'.");
    }

    /// <summary>Writes whole seconds with the value's own offset; a zero offset is written <c>Z</c>.</summary>
    /// <remarks>Which offset a response time carries is decided once, in <see cref="ResponseTimes"/>.</remarks>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    /// <summary>Parses the same strict format, for query strings.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return !string.IsNullOrEmpty(text)
            && HasOffset(text)
            && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        // An offset is "+hh:mm" or "-hh:mm" after the time part.
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return timeStart > 0 && text.AsSpan(timeStart).IndexOfAny('+', '-') > 0;
    }
}
