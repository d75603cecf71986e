namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>The <c>Prefer</c> request header preferences Graph honours for calendars.</summary>
internal sealed class PreferHeader
{
    private readonly Dictionary<string, string> _values;

    private PreferHeader(Dictionary<string, string> values) => _values = values;

    public string? OutlookTimeZone => _values.GetValueOrDefault("outlook.timezone");

    public string? IdType => _values.GetValueOrDefault("IdType");

    public int? MaxPageSize =>
        _values.TryGetValue("odata.maxpagesize", out var text) && int.TryParse(text, out var size) && size > 0
            ? size
            : null;

    /// <summary>Echoes a preference in <c>Preference-Applied</c>, as Graph does.</summary>
    public static void Applied(HttpContext context, string preference)
    {
        var existing = context.Response.Headers["Preference-Applied"].ToString();
        if (existing.Contains(preference, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        context.Response.Headers["Preference-Applied"] =
            existing.Length == 0 ? preference : existing + ", " + preference;
    }

    public static PreferHeader From(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers["Prefer"])
        {
            if (header is null)
            {
                continue;
            }

            foreach (var part in SplitOutsideQuotes(header))
            {
                var trimmed = part.Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? trimmed : trimmed[..equals].Trim();
                var value = equals < 0 ? string.Empty : trimmed[(equals + 1)..].Trim().Trim('"');
                values[key] = value;
            }
        }

        return new PreferHeader(values);
    }

    private static IEnumerable<string> SplitOutsideQuotes(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"')
            {
                quoted = !quoted;
            }
            else if (header[i] == ',' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }
}
