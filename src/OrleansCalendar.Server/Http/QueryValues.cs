using System.Globalization;

namespace OrleansCalendar.Server.Http;

/// <summary>Strict parsing of query-string values, reporting into a <see cref="RequestValidator"/>.</summary>
public static class QueryValues
{
    /// <summary>A required calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly RequiredDate(this RequestValidator v, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            v.Add(field, "is required (yyyy-MM-dd).");
            return default;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            v.Add(field, $"'{value}' is not a date (yyyy-MM-dd).");
        }

        return date;
    }

    /// <summary>A required ISO 8601 time with an offset.</summary>
    public static DateTimeOffset RequiredTime(this RequestValidator v, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            v.Add(field, "is required (ISO 8601 with an offset, for example 2026-12-01T00:00:00Z).");
            return default;
        }

        if (!StrictDateTimeOffsetConverter.TryParse(value, out var time))
        {
            v.Add(field, $"'{value}' is not an ISO 8601 time with an offset.");
        }

        return time;
    }

    /// <summary>A required [start, end) range of times with offsets, at most <paramref name="maxDays"/> long.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) TimeRange(string? start, string? end, int maxDays)
    {
        var v = new RequestValidator();
        var from = v.RequiredTime("start", start);
        var to = v.RequiredTime("end", end);
        v.ThrowIfInvalid();
        if (to <= from || (to - from).TotalDays > maxDays)
        {
            v.Add("end", $"must be after start and at most {maxDays} days later.");
            v.ThrowIfInvalid();
        }

        return (from, to);
    }
}
