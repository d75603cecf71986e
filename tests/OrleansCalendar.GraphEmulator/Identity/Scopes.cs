namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>Scope strings as the identity platform reads them: short or resource-qualified, any casing.</summary>
internal static class Scopes
{
    public static readonly string[] OpenIdScopes = ["openid", "profile", "email", "offline_access"];

    private static readonly string[] KnownGraphScopes =
    [
        "Calendars.Read", "Calendars.ReadWrite", "Calendars.ReadBasic", "Calendars.Read.Shared",
        "Calendars.ReadWrite.Shared", "User.Read", "User.ReadBasic.All", "User.Read.All",
    ];

    /// <summary>
    /// Splits a <c>scope</c> parameter, strips resource prefixes such as
    /// <c>https://graph.microsoft.com/</c>, expands <c>.default</c>, and fixes casing of known scopes.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? scope, IEnumerable<string> defaultScopes)
    {
        var result = new List<string>();
        foreach (var raw in (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = raw;
            if (name.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                name = name[(name.LastIndexOf('/') + 1)..];
            }

            var expanded = name.Equals(".default", StringComparison.OrdinalIgnoreCase) ? defaultScopes : [name];
            foreach (var item in expanded)
            {
                var canonical = Canonical(item);
                if (!result.Contains(canonical, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(canonical);
                }
            }
        }

        return result;
    }

    /// <summary>The granted scopes as the token response lists them: Graph permissions first, then OpenID ones.</summary>
    public static string Format(IEnumerable<string> scopes)
    {
        var list = scopes.ToList();
        var graph = list.Where(s => !IsOpenId(s));
        var openId = OpenIdScopes.Where(o => list.Contains(o, StringComparer.OrdinalIgnoreCase));
        return string.Join(' ', graph.Concat(openId));
    }

    public static bool IsOpenId(string scope) => OpenIdScopes.Contains(scope, StringComparer.OrdinalIgnoreCase);

    public static bool Has(IEnumerable<string> scopes, params string[] any) =>
        scopes.Any(s => any.Contains(s, StringComparer.OrdinalIgnoreCase));

    public static bool CanReadCalendars(IEnumerable<string> scopes) =>
        Has(scopes, "Calendars.Read", "Calendars.ReadWrite", "Calendars.Read.Shared", "Calendars.ReadWrite.Shared", "Calendars.ReadBasic");

    public static bool CanWriteCalendars(IEnumerable<string> scopes) =>
        Has(scopes, "Calendars.ReadWrite", "Calendars.ReadWrite.Shared");

    public static bool CanReadProfile(IEnumerable<string> scopes) =>
        Has(scopes, "User.Read", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite", "User.ReadWrite.All");

    private static string Canonical(string name) =>
        KnownGraphScopes.Concat(OpenIdScopes).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? name;
}
