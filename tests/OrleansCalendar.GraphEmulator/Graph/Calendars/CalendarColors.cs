namespace OrleansCalendar.GraphEmulator.Graph.Calendars;

/// <summary>Graph's <c>calendarColor</c> names and the hex colours Outlook shows for them.</summary>
internal static class CalendarColors
{
    private static readonly Dictionary<string, string> Hex = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = string.Empty,
        ["lightBlue"] = "#a6d1f5",
        ["lightGreen"] = "#87d28e",
        ["lightOrange"] = "#fcab73",
        ["lightGray"] = "#c0c0c0",
        ["lightYellow"] = "#f4d07a",
        ["lightTeal"] = "#6adbd3",
        ["lightPink"] = "#f08cc0",
        ["lightBrown"] = "#cba388",
        ["lightRed"] = "#f88c9b",
    };

    /// <summary>The colour name with Graph's casing; unknown names become <c>auto</c>.</summary>
    public static string Canonical(string? name) =>
        name is not null && Hex.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? known
            : "auto";

    public static string HexOf(string name) => Hex.GetValueOrDefault(name, string.Empty);
}
