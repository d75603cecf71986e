namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// A recurrence for control-API events. The range is <c>endDate</c> when <see cref="EndDate"/> is set,
/// <c>numbered</c> when <see cref="NumberOfOccurrences"/> is set, otherwise <c>noEnd</c>.
/// </summary>
public sealed record RecurrenceSpec
{
    /// <summary>daily, weekly, absoluteMonthly, relativeMonthly, absoluteYearly or relativeYearly.</summary>
    public string PatternType { get; init; } = "weekly";

    public int Interval { get; init; } = 1;

    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } = [];

    public DayOfWeek FirstDayOfWeek { get; init; } = DayOfWeek.Sunday;

    public int DayOfMonth { get; init; }

    public int Month { get; init; }

    /// <summary>first, second, third, fourth or last (relative patterns).</summary>
    public string Index { get; init; } = "first";

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public int? NumberOfOccurrences { get; init; }

    public static RecurrenceSpec Weekly(DateOnly startDate, params DayOfWeek[] days) =>
        new() { PatternType = "weekly", StartDate = startDate, DaysOfWeek = days };

    public static RecurrenceSpec Daily(DateOnly startDate, int interval = 1) =>
        new() { PatternType = "daily", StartDate = startDate, Interval = interval };
}
