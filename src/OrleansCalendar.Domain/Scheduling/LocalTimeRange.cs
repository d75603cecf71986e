using System.Globalization;
using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// A bookable range of a day in local time, in whole minutes from midnight. <see cref="EndMinute"/> may be
/// 1440 ("24:00"), the end of the day, which a <see cref="LocalTime"/> cannot express.
/// </summary>
public readonly record struct LocalTimeRange
{
    public const int MinutesPerDay = 24 * 60;

    public LocalTimeRange(int startMinute, int endMinute)
    {
        if (startMinute < 0 || endMinute > MinutesPerDay || endMinute <= startMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(endMinute), $"{startMinute}-{endMinute} is not a range within one day.");
        }

        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public int StartMinute { get; }

    public int EndMinute { get; }

    public LocalTime Start => LocalTime.Midnight.PlusMinutes(StartMinute);

    public bool Overlaps(LocalTimeRange other) => StartMinute < other.EndMinute && other.StartMinute < EndMinute;

    /// <summary>Parses "HH:mm" bounds; "24:00" is allowed as an end only.</summary>
    public static bool TryParse(string start, string end, out LocalTimeRange range, out string? error)
    {
        range = default;
        if (!TryParseMinute(start, allowEndOfDay: false, out var startMinute))
        {
            error = $"start '{start}' is not a time of day (HH:mm, 00:00 to 23:59).";
            return false;
        }

        if (!TryParseMinute(end, allowEndOfDay: true, out var endMinute))
        {
            error = $"end '{end}' is not a time of day (HH:mm, 00:01 to 24:00).";
            return false;
        }

        if (endMinute <= startMinute)
        {
            error = $"end {end} must be after start {start}; a range cannot cross midnight.";
            return false;
        }

        range = new LocalTimeRange(startMinute, endMinute);
        error = null;
        return true;
    }

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    private static bool TryParseMinute(string text, bool allowEndOfDay, out int minute)
    {
        minute = 0;
        if (text is not { Length: 5 } || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59)
        {
            return false;
        }

        minute = (hours * 60) + minutes;
        return hours < 24 || (allowEndOfDay && minute == MinutesPerDay);
    }

    private static string Format(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
