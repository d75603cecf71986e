using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>
/// <c>GET .../calendarView/delta</c>: rounds of pages linked by <c>$skiptoken</c>, ending in a
/// <c>$deltatoken</c> link that later returns only the changes. Dead tokens answer 410 <c>syncStateNotFound</c>.
/// </summary>
internal static class DeltaEndpoints
{
    // Kiota-generated SDKs call functions as "delta()"; people write "delta".
    private static readonly string[] FunctionNames = ["delta", "delta()", "microsoft.graph.delta", "microsoft.graph.delta()"];

    public static RouteGroupBuilder MapDeltaEndpoints(this RouteGroupBuilder user)
    {
        foreach (var name in FunctionNames)
        {
            user.MapGet($"/calendarView/{name}", (HttpContext c, GraphEmulatorState s) => Delta(c, s, null));
            user.MapGet($"/calendars/{{calendarId}}/calendarView/{name}", Delta);
        }

        return user;
    }

    private static IResult Delta(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var calendar = CalendarEndpoints.Resolve(context, state, calendarId);
        var caller = GraphAuthentication.CallerOf(context);
        var query = ODataQuery.From(context.Request);
        if (query.Select is not null || query.Expand is not null || query.Filter is not null ||
            query.OrderBy is not null || query.Search is not null || query.Top is not null)
        {
            throw new GraphErrorException(400, "ErrorInvalidUrlQuery",
                "The following parameters are not supported with change tracking over the 'CalendarView' resource: '$orderby, $filter, $select, $expand, $search, $top'.");
        }

        var path = context.Request.Path.ToUriComponent();
        var cursor = Cursor(context, state, caller.Mailbox.Id, calendar.Id, path);
        var size = GraphPaging.PageSize(context, null, state.Options);
        var responses = new EventResponses(context, state, caller.Mailbox);
        var value = new JsonArray();
        foreach (var item in cursor.Items.Skip(cursor.Offset).Take(size))
        {
            value.Add(item.Instance is { } instance ? responses.Write(instance) : Removed(item.Id));
        }

        var page = new JsonObject
        {
            ["@odata.context"] = GraphPaging.MetadataContext(context, "Collection(event)"),
            ["value"] = value,
        };
        var baseLink = GraphPaging.BaseUrl(context) + path;
        if (cursor.Offset + size < cursor.Items.Count)
        {
            page["@odata.nextLink"] = $"{baseLink}?$skiptoken={state.Delta.SaveCursor(cursor with { Offset = cursor.Offset + size })}";
        }
        else
        {
            page["@odata.deltaLink"] = $"{baseLink}?$deltatoken={state.Delta.SaveToken(cursor.Next)}";
        }

        return GraphResponses.Json(page);
    }

    private static DeltaCursor Cursor(HttpContext context, GraphEmulatorState state, string mailboxId, string calendarId, string path)
    {
        var query = context.Request.Query;
        if (query["$skiptoken"].FirstOrDefault() is { Length: > 0 } skipToken)
        {
            var cursor = state.Delta.FindCursor(skipToken);
            return cursor is not null && Belongs(cursor.Next, mailboxId, calendarId)
                ? cursor
                : throw Gone(context, state.Delta.FindInvalidated(skipToken));
        }

        if (query["$deltatoken"].FirstOrDefault() is { Length: > 0 } deltaToken)
        {
            var previous = state.Delta.FindToken(deltaToken);
            return previous is not null && Belongs(previous, mailboxId, calendarId)
                ? DeltaRounds.Since(state.Mailboxes, previous, state.Options.DeltaReportsOutOfRangeChangesAsRemoved)
                : throw Gone(context, state.Delta.FindInvalidated(deltaToken));
        }

        var (startUtc, endUtc) = TimeWindow.From(context.Request);
        return DeltaRounds.Initial(state.Mailboxes, mailboxId, calendarId, path, startUtc, endUtc);
    }

    private static string Utc(DateTime value) =>
        Uri.EscapeDataString(GraphFormat.Timestamp(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))));

    private static bool Belongs(DeltaSyncState state, string mailboxId, string calendarId) =>
        state.MailboxId == mailboxId && state.CalendarId == calendarId;

    private static JsonObject Removed(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.event",
        ["id"] = id,
        ["@removed"] = new JsonObject { ["reason"] = "deleted" },
    };

    /// <summary>
    /// 410 Gone with <c>syncStateNotFound</c> (the docs' code for an expired token); when the round is known,
    /// <c>Location</c> points at a fresh initial round as in Graph's synchronization reset.
    /// </summary>
    private static GraphErrorException Gone(HttpContext context, DeltaSyncState? known)
    {
        var headers = new Dictionary<string, string>();
        if (known is not null)
        {
            headers["Location"] = GraphPaging.BaseUrl(context) + known.Path +
                $"?startDateTime={Utc(known.StartUtc)}&endDateTime={Utc(known.EndUtc)}";
        }

        return new GraphErrorException(410, "syncStateNotFound",
            "The sync state generation is not found. The delta token is expired and data must be synchronized again.")
        {
            Headers = headers,
        };
    }
}
