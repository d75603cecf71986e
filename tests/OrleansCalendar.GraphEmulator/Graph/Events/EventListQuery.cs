using System.Text.RegularExpressions;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>
/// The <c>$filter</c>/<c>$orderby</c> forms the emulator understands on event lists: finding events by a
/// single-value extended property, and ordering by start. Anything else is refused rather than ignored.
/// </summary>
internal static partial class EventListQuery
{
    public static IReadOnlyList<EventInstance> Apply(IReadOnlyList<EventInstance> instances, ODataQuery query)
    {
        if (query.Search is not null)
        {
            throw new GraphErrorException(400, "ErrorInvalidUrlQuery", "The emulator does not support $search on events.");
        }

        IEnumerable<EventInstance> result = instances;
        if (query.Filter is { } filter)
        {
            var match = ExtendedPropertyFilter().Match(filter.Trim());
            if (!match.Success)
            {
                throw new GraphErrorException(400, "ErrorInvalidUrlQueryFilter",
                    $"The emulator supports only $filter=singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...'), not '{filter}'.");
            }

            var id = Unquote(match.Groups["id"].Value);
            var value = match.Groups["value"].Success ? Unquote(match.Groups["value"].Value) : null;
            result = result.Where(i => i.Data.ExtendedProperties.TryGetValue(id, out var stored) && (value is null || stored == value));
        }

        result = query.OrderBy?.Trim().ToLowerInvariant() switch
        {
            null or "start/datetime" or "start/datetime asc" => result.OrderBy(i => i.Start.Utc),
            "start/datetime desc" => result.OrderByDescending(i => i.Start.Utc),
            _ => throw new GraphErrorException(400, "ErrorInvalidUrlQuery",
                $"The emulator supports only $orderby=start/dateTime [asc|desc], not '{query.OrderBy}'."),
        };
        return [.. result];
    }

    private static string Unquote(string value) => value.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(
        @"^singleValueExtendedProperties/any\(\s*(?<v>\w+)\s*:\s*\k<v>/id\s+eq\s+'(?<id>(?:[^']|'')*)'(\s+and\s+\k<v>/value\s+eq\s+'(?<value>(?:[^']|'')*)')?\s*\)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedPropertyFilter();
}
