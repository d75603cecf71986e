namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph enum members the emulator validates, in Graph's spelling.</summary>
internal static class EventEnums
{
    public static readonly string[] ShowAs = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];

    public static readonly string[] Sensitivity = ["normal", "personal", "private", "confidential"];

    public static readonly string[] Importance = ["low", "normal", "high"];

    public static readonly string[] PatternTypes =
        ["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"];

    public static readonly string[] RangeTypes = ["endDate", "noEnd", "numbered"];

    public static readonly string[] WeekIndexes = ["first", "second", "third", "fourth", "last"];

    public static readonly string[] BodyTypes = ["text", "html"];

    /// <summary>The member with Graph's casing, or null.</summary>
    public static string? Canonical(string[] members, string? value) =>
        value is null ? null : Array.Find(members, m => string.Equals(m, value, StringComparison.OrdinalIgnoreCase));

    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();
}
