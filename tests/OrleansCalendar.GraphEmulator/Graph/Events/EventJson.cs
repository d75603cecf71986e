using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph's <c>event</c> resource.</summary>
internal static class EventJson
{
    public static JsonObject Write(EventInstance instance, EventRenderOptions options, string organizerName, string organizerAddress)
    {
        var data = instance.Data;
        var isOccurrence = instance.Type == "occurrence";
        var body = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{data.ChangeKey}\"",
            ["id"] = instance.Id,
            ["createdDateTime"] = GraphFormat.Timestamp(data.CreatedDateTime),
            ["lastModifiedDateTime"] = GraphFormat.Timestamp(data.LastModifiedDateTime),
            ["changeKey"] = data.ChangeKey,
            ["categories"] = new JsonArray([.. data.Categories.Select(c => (JsonNode)c)]),
            ["transactionId"] = isOccurrence || instance.Type == "exception" ? null : data.TransactionId,
            ["originalStartTimeZone"] = data.Start.ZoneName,
            ["originalEndTimeZone"] = data.End.ZoneName,
            ["iCalUId"] = data.ICalUId,
            ["uid"] = data.ICalUId,
            ["reminderMinutesBeforeStart"] = data.ReminderMinutesBeforeStart,
            ["isReminderOn"] = data.IsReminderOn,
            ["hasAttachments"] = false,
            ["subject"] = data.Subject,
            ["bodyPreview"] = Preview(data.Body),
            ["importance"] = data.Importance,
            ["sensitivity"] = data.Sensitivity,
            ["isAllDay"] = data.IsAllDay,
            ["isCancelled"] = data.IsCancelled,
            ["isOrganizer"] = true,
            ["responseRequested"] = true,
            ["seriesMasterId"] = instance.SeriesMasterId,
            ["showAs"] = data.ShowAs,
            ["type"] = instance.Type,
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(instance.Id)}&exvsurl=1&path=/calendar/item",
            ["onlineMeetingUrl"] = null,
            ["isOnlineMeeting"] = false,
            ["onlineMeetingProvider"] = "unknown",
            ["allowNewTimeProposals"] = true,
            ["isDraft"] = false,
            ["hideAttendees"] = false,
            ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
            ["body"] = new JsonObject { ["contentType"] = data.Body.ContentType, ["content"] = data.Body.Content },
            ["start"] = Zoned(instance.Start, data.IsAllDay, options),
            ["end"] = Zoned(instance.End, data.IsAllDay, options),
            ["location"] = Location(data.LocationDisplayName),
            ["locations"] = string.IsNullOrEmpty(data.LocationDisplayName) ? new JsonArray() : new JsonArray(Location(data.LocationDisplayName)),
            ["recurrence"] = instance.Type == "seriesMaster" && data.Recurrence is { } recurrence ? Recurrence(recurrence) : null,
            ["attendees"] = new JsonArray(),
            ["organizer"] = new JsonObject
            {
                ["emailAddress"] = new JsonObject { ["name"] = organizerName, ["address"] = organizerAddress },
            },
            ["onlineMeeting"] = null,
        };

        if (instance.OriginalStartUtc is { } originalStart)
        {
            body["originalStart"] = GraphFormat.Timestamp(new DateTimeOffset(originalStart, TimeSpan.Zero));
        }

        if (options.Query.ExpandedPropertyIds is { } ids)
        {
            var matches = new JsonArray();
            foreach (var id in ids)
            {
                if (data.ExtendedProperties.TryGetValue(id, out var value))
                {
                    var storedId = data.ExtendedProperties.Keys.First(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
                    matches.Add(new JsonObject { ["id"] = storedId, ["value"] = value });
                }
            }

            // Graph leaves the property out entirely when none of the requested ones is set.
            if (matches.Count > 0)
            {
                body["singleValueExtendedProperties@odata.context"] =
                    $"$metadata#users/events('{instance.Id}')/singleValueExtendedProperties";
                body["singleValueExtendedProperties"] = matches;
            }
        }

        return options.Query.ApplySelect(body);
    }

    public static JsonObject Recurrence(RecurrenceData recurrence) => new()
    {
        ["pattern"] = new JsonObject
        {
            ["type"] = recurrence.Pattern.Type,
            ["interval"] = recurrence.Pattern.Interval,
            ["month"] = recurrence.Pattern.Month,
            ["dayOfMonth"] = recurrence.Pattern.DayOfMonth,
            ["daysOfWeek"] = new JsonArray([.. recurrence.Pattern.DaysOfWeek.Select(d => (JsonNode)EventEnums.Name(d))]),
            ["firstDayOfWeek"] = EventEnums.Name(recurrence.Pattern.FirstDayOfWeek),
            ["index"] = recurrence.Pattern.Index,
        },
        ["range"] = new JsonObject
        {
            ["type"] = recurrence.Range.Type,
            ["startDate"] = GraphFormat.Date(recurrence.Range.StartDate),
            ["endDate"] = recurrence.Range.EndDate is { } end ? GraphFormat.Date(end) : "0001-01-01",
            ["recurrenceTimeZone"] = recurrence.Range.RecurrenceTimeZone,
            ["numberOfOccurrences"] = recurrence.Range.NumberOfOccurrences,
        },
    };

    private static JsonObject Zoned(ZonedTime time, bool isAllDay, EventRenderOptions options)
    {
        // All-day events keep their own midnight-to-midnight wall clock, whatever zone is asked for.
        var wallClock = isAllDay ? time.WallClock : TimeZones.FromUtc(time.Utc, options.Zone);
        return new JsonObject
        {
            ["dateTime"] = GraphFormat.LocalDateTime(wallClock),
            ["timeZone"] = options.ZoneName,
        };
    }

    private static JsonObject Location(string? displayName) => new()
    {
        ["displayName"] = displayName ?? string.Empty,
        ["locationType"] = "default",
        ["uniqueIdType"] = string.IsNullOrEmpty(displayName) ? "unknown" : "private",
        ["address"] = new JsonObject(),
        ["coordinates"] = new JsonObject(),
    };

    private static string Preview(EventBody body)
    {
        var text = body.ContentType == "html"
            ? System.Text.RegularExpressions.Regex.Replace(body.Content, "<[^>]*>", " ")
            : body.Content;
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return text.Length <= 255 ? text : text[..255];
    }
}
