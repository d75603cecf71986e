using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Domain.Scheduling;
using OrleansCalendar.Grains.Calendars;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Calendars;

/// <summary>Validates a calendar body field by field and builds the definition the grain stores.</summary>
public static class CalendarDefinitions
{
    private const int MaxMembers = 50;
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<HoursRange>> DefaultHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
        .ToDictionary(d => d, IReadOnlyList<HoursRange> (_) => [new HoursRange("09:00", "17:00")]);

    /// <summary>Defaults for a new calendar; <paramref name="defaultTimeZone"/> is the sub-account's.</summary>
    public static CalendarDefinition Defaults(string defaultTimeZone) => new(
        Name: "",
        Type: CalendarType.Personal,
        UserIds: [],
        TimeZone: defaultTimeZone,
        SlotDurationMinutes: 30,
        SlotIntervalMinutes: 30,
        BufferBeforeMinutes: 0,
        BufferAfterMinutes: 0,
        MinimumNoticeMinutes: 0,
        BookingWindowDays: 60,
        WeeklyHours: DefaultHours,
        PublicBooking: false);

    /// <summary>Applies the request over <paramref name="current"/> and validates the result as a whole.</summary>
    public static CalendarDefinition Apply(ICalendarFields request, CalendarDefinition current, bool creating)
    {
        var v = new RequestValidator();
        var name = request.Name is null && !creating ? current.Name : v.RequiredText("name", request.Name, 200);
        var type = request.Type ?? (creating ? Required(v, "type", current.Type) : current.Type);
        var zone = request.TimeZone is null ? current.TimeZone : v.RequiredTimeZone("timeZone", request.TimeZone)?.Id ?? current.TimeZone;
        var duration = Range(v, "slotDurationMinutes", request.SlotDurationMinutes ?? current.SlotDurationMinutes, 5, 1440);
        var interval = Range(v, "slotIntervalMinutes", request.SlotIntervalMinutes ?? (creating ? duration : current.SlotIntervalMinutes), 5, 1440);
        var before = Range(v, "bufferBeforeMinutes", request.BufferBeforeMinutes ?? current.BufferBeforeMinutes, 0, 1440);
        var after = Range(v, "bufferAfterMinutes", request.BufferAfterMinutes ?? current.BufferAfterMinutes, 0, 1440);
        var notice = Range(v, "minimumNoticeMinutes", request.MinimumNoticeMinutes ?? current.MinimumNoticeMinutes, 0, 525_600);
        var window = Range(v, "bookingWindowDays", request.BookingWindowDays ?? current.BookingWindowDays, 1, 730);
        var userIds = request.UserIds?.ToList() ?? current.UserIds.ToList();
        ValidateMembers(v, type, userIds);
        var hours = request.WeeklyHours is null ? current.WeeklyHours : Hours(v, request.WeeklyHours);
        v.ThrowIfInvalid();

        return new CalendarDefinition(name, type, userIds, zone, duration, interval, before, after, notice, window, hours,
            request.PublicBooking ?? current.PublicBooking, type != CalendarType.Event && current.OutlookSync);
    }

    private static CalendarType Required(RequestValidator v, string field, CalendarType fallback)
    {
        v.Add(field, "is required: personal, roundRobin, collective or event.");
        return fallback;
    }

    private static int Range(RequestValidator v, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            v.Add(field, $"must be between {min} and {max}.");
        }

        return value;
    }

    private static void ValidateMembers(RequestValidator v, CalendarType type, List<string> userIds)
    {
        if (userIds.Distinct(StringComparer.Ordinal).Count() != userIds.Count)
        {
            v.Add("userIds", "must not repeat a user.");
        }

        switch (type)
        {
            case CalendarType.Personal when userIds.Count != 1:
                v.Add("userIds", "a personal calendar has exactly one user.");
                break;
            case CalendarType.RoundRobin or CalendarType.Collective when userIds.Count is < 1 or > MaxMembers:
                v.Add("userIds", $"a {type.ToString().ToLowerInvariant()} calendar has 1 to {MaxMembers} users.");
                break;
            case CalendarType.Event when userIds.Count > MaxMembers:
                v.Add("userIds", $"at most {MaxMembers} users.");
                break;
        }
    }

    private static Dictionary<string, IReadOnlyList<HoursRange>> Hours(RequestValidator v, Dictionary<string, List<HoursRangeRequest>> request)
    {
        var result = new Dictionary<string, IReadOnlyList<HoursRange>>(StringComparer.Ordinal);
        foreach (var (day, ranges) in request)
        {
            var field = $"weeklyHours.{day}";
            if (!CalendarRules.Days.ContainsKey(day))
            {
                v.Add(field, "is not a weekday name (monday … sunday).");
                continue;
            }

            var parsed = new List<LocalTimeRange>();
            var list = new List<HoursRange>();
            foreach (var (range, index) in (ranges ?? []).Select((r, i) => (r, i)))
            {
                if (!LocalTimeRange.TryParse(range?.Start ?? "", range?.End ?? "", out var local, out var error))
                {
                    v.Add($"{field}[{index}]", error ?? "is not a valid range.");
                    continue;
                }

                parsed.Add(local);
                list.Add(new HoursRange(range!.Start!, range.End!));
            }

            if (WeeklyHours.FindOverlap(parsed) is { } overlap)
            {
                v.Add(field, "ranges must not overlap: " + overlap);
            }

            result[day] = list;
        }

        return result;
    }
}
