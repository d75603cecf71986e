using System.Globalization;
using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// A bookable range of one day in local time, in whole minutes, such as 09:00–17:00 or 18:00–24:00.
/// <para>
/// A <see cref="LocalTime"/> cannot say "24:00", so an <see cref="End"/> of <see cref="LocalTime.Midnight"/>
/// means the end of the day (<see cref="EndsAtEndOfDay"/>): a range can never end at the start of its own day.
/// A range never crosses midnight; availability over midnight is two ranges on two days.
/// </para>
/// </summary>
public readonly record struct LocalTimeRange
{
    private static readonly Duration OneDay = Duration.FromDays(1);

    /// <param name="start">The first minute of the range.</param>
    /// <param name="end">The exclusive end; <see cref="LocalTime.Midnight"/> means 24:00.</param>
    /// <exception cref="ArgumentException">When a bound is not on a whole minute or the range is empty.</exception>
    public LocalTimeRange(LocalTime start, LocalTime end)
    {
        if (!IsWholeMinute(start) || !IsWholeMinute(end))
        {
            throw new ArgumentException($"{start:HH:mm:ss.FFFFFFFFF}-{end:HH:mm:ss.FFFFFFFFF} is not on whole minutes.", nameof(start));
        }

        if (end != LocalTime.Midnight && end <= start)
        {
            throw new ArgumentException($"The end {end:HH:mm} is not after the start {start:HH:mm}.", nameof(end));
        }

        Start = start;
        End = end;
        EndsAtEndOfDay = end == LocalTime.Midnight;
    }

    public LocalTime Start { get; }

    /// <summary>The exclusive end; <see cref="LocalTime.Midnight"/> when <see cref="EndsAtEndOfDay"/>.</summary>
    public LocalTime End { get; }

    /// <summary>Whether the range runs to 24:00. False for <c>default</c>, which is the empty range 00:00–00:00.</summary>
    public bool EndsAtEndOfDay { get; }

    /// <summary>The start as local time elapsed since midnight.</summary>
    public Duration StartOffset => Duration.FromNanoseconds(Start.NanosecondOfDay);

    /// <summary>The end as local time elapsed since midnight: 24 hours for a range ending at 24:00.</summary>
    public Duration EndOffset => EndsAtEndOfDay ? OneDay : Duration.FromNanoseconds(End.NanosecondOfDay);

    /// <summary>Only <c>default(LocalTimeRange)</c> is empty; the constructor rejects every other empty range.</summary>
    public bool IsEmpty => EndOffset <= StartOffset;

    /// <summary>Half-open like every interval here: 09:00–12:00 and 12:00–13:00 do not overlap.</summary>
    public bool Overlaps(LocalTimeRange other) => StartOffset < other.EndOffset && other.StartOffset < EndOffset;

    /// <summary>
    /// Parses "HH:mm" bounds: <paramref name="start"/> from 00:00 to 23:59, <paramref name="end"/> from 00:01 to
    /// 24:00 and after the start. "HH:mm:ss" is accepted when the seconds are 00. On failure the error says why,
    /// in words fit to show to an API user; on success it is null.
    /// </summary>
    public static bool TryParse(string? start, string? end, out LocalTimeRange range, out string? error)
    {
        range = default;
        error = ParseBound(start, "start", allowEndOfDay: false, out var startMinute);
        var endMinute = 0;
        error ??= ParseBound(end, "end", allowEndOfDay: true, out endMinute);
        if (error is null && endMinute <= startMinute)
        {
            error = $"end {end} is not after start {start}; a range cannot cross midnight (end at 24:00 and start the next day at 00:00).";
        }

        if (error is not null)
        {
            return false;
        }

        range = new LocalTimeRange(FromMinute(startMinute), FromMinute(endMinute));
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}-{(EndsAtEndOfDay ? "24:00" : End.ToString("HH:mm", CultureInfo.InvariantCulture))}");

    private static bool IsWholeMinute(LocalTime time) => time.NanosecondOfDay % NodaConstants.NanosecondsPerMinute == 0;

    // 1440 (24:00) wraps to midnight, which is how an end of day is spelled.
    private static LocalTime FromMinute(int minute) => LocalTime.Midnight.PlusMinutes(minute);

    /// <returns>An error message, or null with <paramref name="minute"/> set (1440 for 24:00).</returns>
    private static string? ParseBound(string? text, string name, bool allowEndOfDay, out int minute)
    {
        minute = 0;
        if (text is not ({ Length: 5 } or { Length: 8 }) || text[2] != ':' || (text.Length == 8 && text[5] != ':')
            || !TwoDigits(text, 0, out var hours) || !TwoDigits(text, 3, out var minutes))
        {
            return $"{name} '{text}' is not a time of day in HH:mm form.";
        }

        if (text.Length == 8 && (!TwoDigits(text, 6, out var seconds) || seconds != 0))
        {
            return $"{name} '{text}' is not on a whole minute.";
        }

        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return $"{name} '{text}' is not a time of day (00:00 to {(allowEndOfDay ? "24:00" : "23:59")}).";
        }

        if (hours == 24 && !allowEndOfDay)
        {
            return $"{name} cannot be 24:00; a range starts at 23:59 at the latest.";
        }

        minute = (hours * 60) + minutes;
        return null;
    }

    private static bool TwoDigits(string text, int index, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[index]) || !char.IsAsciiDigit(text[index + 1]))
        {
            return false;
        }

        value = ((text[index] - '0') * 10) + (text[index + 1] - '0');
        return true;
    }
}
