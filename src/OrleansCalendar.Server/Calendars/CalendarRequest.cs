using OrleansCalendar.Abstractions.Calendars;

namespace OrleansCalendar.Server.Calendars;

/// <summary>
/// The body of create (missing fields take defaults) and of PATCH (missing fields stay as they are).
/// </summary>
public sealed record CalendarRequest(
    string? Name,
    CalendarType? Type,
    IReadOnlyList<string>? UserIds,
    string? TimeZone,
    int? SlotDurationMinutes,
    int? SlotIntervalMinutes,
    int? BufferBeforeMinutes,
    int? BufferAfterMinutes,
    int? MinimumNoticeMinutes,
    int? BookingWindowDays,
    Dictionary<string, List<HoursRangeRequest>>? WeeklyHours,
    bool? PublicBooking);
