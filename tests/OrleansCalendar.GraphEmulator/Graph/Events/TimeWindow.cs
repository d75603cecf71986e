using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>The required <c>startDateTime</c>/<c>endDateTime</c> window of calendar views.</summary>
internal static class TimeWindow
{
    public static (DateTime StartUtc, DateTime EndUtc) From(HttpRequest request) =>
        (Parse(request, "startDateTime", "StartDateTime"), Parse(request, "endDateTime", "EndDateTime"));

    private static DateTime Parse(HttpRequest request, string name, string displayName)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            throw new GraphErrorException(400, "ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }

        // An unencoded '+' of an offset arrives as a space.
        return GraphFormat.TryParseInstant(text.Replace(' ', '+'), out var instant)
            ? instant.UtcDateTime
            : throw new GraphErrorException(400, "ErrorInvalidParameter", $"The value '{text}' of parameter '{displayName}' is invalid.");
    }
}
