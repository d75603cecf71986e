using OrleansCalendar.Abstractions.Calendars;

namespace OrleansCalendar.Server.Calendars;

/// <summary>The fields of a calendar body, as create and PATCH both send them; null means "left out".</summary>
public interface ICalendarFields
{
    string? Name { get; }

    CalendarType? Type { get; }

    IReadOnlyList<string>? UserIds { get; }

    string? TimeZone { get; }

    int? SlotDurationMinutes { get; }

    int? SlotIntervalMinutes { get; }

    int? BufferBeforeMinutes { get; }

    int? BufferAfterMinutes { get; }

    int? MinimumNoticeMinutes { get; }

    int? BookingWindowDays { get; }

    Dictionary<string, List<HoursRangeRequest>>? WeeklyHours { get; }

    bool? PublicBooking { get; }
}
