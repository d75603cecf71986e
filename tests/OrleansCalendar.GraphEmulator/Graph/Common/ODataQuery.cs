using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>The OData system query options of a request, validated the way Graph validates them.</summary>
internal sealed partial class ODataQuery
{
    private ODataQuery()
    {
    }

    public int? Top { get; private init; }

    public int Skip { get; private init; }

    public IReadOnlySet<string>? Select { get; private init; }

    /// <summary>Ids asked for by <c>$expand=singleValueExtendedProperties($filter=id eq '...')</c>; null when not expanded.</summary>
    public IReadOnlyList<string>? ExpandedPropertyIds { get; private init; }

    public string? Expand { get; private init; }

    public string? Filter { get; private init; }

    public string? OrderBy { get; private init; }

    public string? Search { get; private init; }

    public static ODataQuery From(HttpRequest request)
    {
        var query = request.Query;
        var expand = Text(query, "$expand");
        return new ODataQuery
        {
            Top = Number(query, "$top"),
            Skip = Number(query, "$skip") ?? 0,
            Select = Text(query, "$select") is { } select
                ? select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null,
            Expand = expand,
            ExpandedPropertyIds = expand is null ? null : ParseExpand(expand),
            Filter = Text(query, "$filter"),
            OrderBy = Text(query, "$orderby"),
            Search = Text(query, "$search"),
        };
    }

    /// <summary>Keeps only the <c>$select</c>ed properties (plus id and annotations), as Graph does.</summary>
    public JsonObject ApplySelect(JsonObject item)
    {
        if (Select is null)
        {
            return item;
        }

        foreach (var name in item.Select(p => p.Key).ToList())
        {
            if (name != "id" && !name.StartsWith('@') && !Select.Contains(name))
            {
                item.Remove(name);
            }
        }

        return item;
    }

    private static List<string> ParseExpand(string expand)
    {
        var match = ExpandPattern().Match(expand);
        if (!match.Success)
        {
            throw new GraphErrorException(400, "BadRequest",
                $"The emulator supports only $expand=singleValueExtendedProperties($filter=id eq '...'), not '{expand}'.");
        }

        return [.. IdPattern().Matches(match.Groups["filter"].Value).Select(m => m.Groups["id"].Value.Replace("''", "'", StringComparison.Ordinal))];
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString().Length > 0 ? value.ToString() : null;

    private static int? Number(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, out var number) && number >= 0
            ? number
            : throw new GraphErrorException(400, "BadRequest", $"Invalid {name} value '{text}'. It must be a non-negative integer.");
    }

    [GeneratedRegex(@"^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(?<filter>.*)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpandPattern();

    [GeneratedRegex(@"id\s+eq\s+'(?<id>(?:[^']|'')*)'", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();
}
