using System.Text;
using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>Server-driven paging of collections with absolute <c>@odata.nextLink</c> URLs, as Graph pages Outlook collections.</summary>
internal static class GraphPaging
{
    public static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    public static string MetadataContext(HttpContext context, string fragment) =>
        $"{BaseUrl(context)}/v1.0/$metadata#{fragment}";

    /// <summary>Page size from <c>$top</c>, else <c>Prefer: odata.maxpagesize</c>, else the default.</summary>
    public static int PageSize(HttpContext context, int? top, GraphEmulatorOptions options)
    {
        if (top is { } requested)
        {
            return Math.Clamp(requested, 1, options.MaxPageSize);
        }

        if (PreferHeader.From(context.Request).MaxPageSize is { } preferred)
        {
            var size = Math.Min(preferred, options.MaxPageSize);
            PreferHeader.Applied(context, $"odata.maxpagesize={size}");
            return size;
        }

        return Math.Max(1, options.DefaultPageSize);
    }

    public static JsonObject Page<T>(
        HttpContext context, string odataContext, IReadOnlyList<T> items, Func<T, JsonNode> render, ODataQuery query,
        GraphEmulatorOptions options)
    {
        var size = PageSize(context, query.Top, options);
        var value = new JsonArray();
        foreach (var item in items.Skip(query.Skip).Take(size))
        {
            value.Add(render(item));
        }

        var page = new JsonObject { ["@odata.context"] = odataContext, ["value"] = value };
        if (query.Skip + size < items.Count)
        {
            page["@odata.nextLink"] = CurrentUrlWith(context, "$skip", (query.Skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return page;
    }

    /// <summary>The current request URL with one query parameter replaced (other parameters kept as sent).</summary>
    public static string CurrentUrlWith(HttpContext context, string name, string value, params string[] drop)
    {
        var url = new StringBuilder(BaseUrl(context)).Append(context.Request.Path.ToUriComponent()).Append('?');
        foreach (var (key, values) in context.Request.Query)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || drop.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var item in values)
            {
                url.Append(EscapeKey(key)).Append('=').Append(Uri.EscapeDataString(item ?? string.Empty)).Append('&');
            }
        }

        return url.Append(EscapeKey(name)).Append('=').Append(Uri.EscapeDataString(value)).ToString();
    }

    // Graph keeps the '$' of system query options readable in its links.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key).Replace("%24", "$", StringComparison.Ordinal);
}
