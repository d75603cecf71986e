using System.Collections.Immutable;
using System.Text.Json;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Reads a Graph <c>event</c> JSON body into an <see cref="EventInput"/>, rejecting what Graph rejects.</summary>
internal static class EventJsonReader
{
    public static EventInput Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GraphErrorException(400, "BadRequest", "Empty Payload. JSON content expected.");
        }

        var input = new EventInput();
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "subject": input.Subject = String(value) ?? string.Empty; break;
                case "body": input.Body = ReadBody(value); break;
                case "start": input.Start = ReadZoned(value, "start"); break;
                case "end": input.End = ReadZoned(value, "end"); break;
                case "isAllDay": input.IsAllDay = Bool(value, property.Name); break;
                case "isCancelled": input.IsCancelled = Bool(value, property.Name); break;
                case "isReminderOn": input.IsReminderOn = Bool(value, property.Name); break;
                case "reminderMinutesBeforeStart": input.ReminderMinutesBeforeStart = Int(value, property.Name); break;
                case "showAs": input.ShowAs = Enum(EventEnums.ShowAs, value, "freeBusyStatus"); break;
                case "sensitivity": input.Sensitivity = Enum(EventEnums.Sensitivity, value, "sensitivity"); break;
                case "importance": input.Importance = Enum(EventEnums.Importance, value, "importance"); break;
                case "transactionId": input.TransactionId = String(value); break;
                case "location": input.LocationDisplayName = ReadLocation(value); break;
                case "categories": input.Categories = ReadStrings(value); break;
                case "recurrence":
                    input.HasRecurrence = true;
                    input.Recurrence = value.ValueKind == JsonValueKind.Null ? null : ReadRecurrence(value);
                    break;
                case "singleValueExtendedProperties": input.ExtendedProperties = ReadExtendedProperties(value); break;
                default: break; // Read-only and unsupported properties are ignored, as Graph ignores read-only ones.
            }
        }

        return input;
    }

    public static ZonedTime ReadZoned(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw BodyError($"Invalid value for property '{name}': a dateTimeTimeZone object is expected.");
        }

        var dateTimeText = value.TryGetProperty("dateTime", out var dt) ? String(dt) : null;
        var zoneName = value.TryGetProperty("timeZone", out var tz) ? String(tz) : null;
        zoneName = string.IsNullOrWhiteSpace(zoneName) ? "UTC" : zoneName;
        var zone = TimeZones.FindOrThrow(zoneName);
        if (!GraphFormat.TryParseWallClock(dateTimeText, out var wallClock, out var instant))
        {
            throw BodyError($"Cannot convert the literal '{dateTimeText}' to the expected type 'Edm.String' for '{name}.dateTime'.");
        }

        return instant is { } exact
            ? ZonedTime.FromUtc(exact.UtcDateTime, zoneName, zone)
            : new ZonedTime(wallClock, zoneName, zone);
    }

    private static EventBody ReadBody(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return EventBody.Empty;
        }

        var type = value.TryGetProperty("contentType", out var ct)
            ? Enum(EventEnums.BodyTypes, ct, "bodyType") ?? "text"
            : "text";
        var content = value.TryGetProperty("content", out var c) ? String(c) ?? string.Empty : string.Empty;
        return new EventBody(type, content);
    }

    private static string? ReadLocation(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("displayName", out var name)
            ? String(name) ?? string.Empty
            : string.Empty;

    private static ImmutableArray<string> ReadStrings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(String).OfType<string>()]
            : [];

    private static List<KeyValuePair<string, string>> ReadExtendedProperties(JsonElement value)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in value.EnumerateArray())
        {
            var id = item.TryGetProperty("id", out var i) ? String(i) : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw BodyError("The extended property 'id' is required.");
            }

            var text = item.TryGetProperty("value", out var v) ? String(v) ?? string.Empty : string.Empty;
            result.Add(new(id, text));
        }

        return result;
    }

    private static RecurrenceData ReadRecurrence(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object ||
            !value.TryGetProperty("pattern", out var pattern) || pattern.ValueKind != JsonValueKind.Object ||
            !value.TryGetProperty("range", out var range) || range.ValueKind != JsonValueKind.Object)
        {
            throw GraphErrorException.InvalidRequest("A recurrence needs both 'pattern' and 'range'.");
        }

        var type = Enum(EventEnums.PatternTypes, Prop(pattern, "type"), "recurrencePatternType")
            ?? throw GraphErrorException.InvalidRequest("The recurrence pattern type is required.");
        var days = pattern.TryGetProperty("daysOfWeek", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(ReadDay).ToImmutableArray()
            : [];
        if (type is "weekly" or "relativeMonthly" or "relativeYearly" && days.IsEmpty)
        {
            throw GraphErrorException.InvalidRequest($"A '{type}' recurrence pattern needs 'daysOfWeek'.");
        }

        var parsedPattern = new RecurrencePatternData(
            type,
            Math.Max(1, Int(Prop(pattern, "interval"), "interval") ?? 1),
            days,
            pattern.TryGetProperty("firstDayOfWeek", out var f) && f.ValueKind == JsonValueKind.String ? ReadDay(f) : DayOfWeek.Sunday,
            Int(Prop(pattern, "dayOfMonth"), "dayOfMonth") ?? 0,
            Int(Prop(pattern, "month"), "month") ?? 0,
            Enum(EventEnums.WeekIndexes, Prop(pattern, "index"), "weekIndex") ?? "first");

        var rangeType = Enum(EventEnums.RangeTypes, Prop(range, "type"), "recurrenceRangeType")
            ?? throw GraphErrorException.InvalidRequest("The recurrence range type is required.");
        if (!GraphFormat.TryParseDate(String(Prop(range, "startDate")), out var startDate))
        {
            throw GraphErrorException.InvalidRequest("The recurrence range needs a valid 'startDate' (yyyy-MM-dd).");
        }

        DateOnly? endDate = null;
        if (rangeType == "endDate")
        {
            if (!GraphFormat.TryParseDate(String(Prop(range, "endDate")), out var parsedEnd) || parsedEnd < startDate)
            {
                throw GraphErrorException.InvalidRequest("An 'endDate' recurrence range needs an 'endDate' on or after 'startDate'.");
            }

            endDate = parsedEnd;
        }

        var count = Int(Prop(range, "numberOfOccurrences"), "numberOfOccurrences") ?? 0;
        if (rangeType == "numbered" && count <= 0)
        {
            throw GraphErrorException.InvalidRequest("A 'numbered' recurrence range needs 'numberOfOccurrences' above zero.");
        }

        return new RecurrenceData(
            parsedPattern,
            new RecurrenceRangeData(rangeType, startDate, endDate, count, String(Prop(range, "recurrenceTimeZone"))));
    }

    private static DayOfWeek ReadDay(JsonElement value) =>
        System.Enum.TryParse<DayOfWeek>(String(value), ignoreCase: true, out var day)
            ? day
            : throw BodyError($"Cannot convert the literal '{String(value)}' to the expected type 'microsoft.graph.dayOfWeek'.");

    private static JsonElement Prop(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static bool? Bool(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw BodyError($"Cannot convert the literal '{value.GetRawText()}' to the expected type 'Edm.Boolean' for '{name}'."),
    };

    private static int? Int(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw BodyError($"Cannot convert the literal '{value.GetRawText()}' to the expected type 'Edm.Int32' for '{name}'."),
    };

    private static string? Enum(string[] members, JsonElement value, string typeName)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        var text = String(value);
        return EventEnums.Canonical(members, text)
            ?? throw BodyError($"Cannot convert the literal '{text}' to the expected type 'microsoft.graph.{typeName}'.");
    }

    private static GraphErrorException BodyError(string message) => new(400, "RequestBodyRead", message);
}
