using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Server.OpenApi;

namespace OrleansCalendar.Server.Calendars;

/// <summary>Changes to a booking calendar: fields left out stay as they are; <c>weeklyHours</c> replaces the whole week.</summary>
public sealed record UpdateCalendarRequest(
    string? Name = null,
    CalendarType? Type = null,
    IReadOnlyList<string>? UserIds = null,
    string? TimeZone = null,
    int? SlotDurationMinutes = null,
    int? SlotIntervalMinutes = null,
    int? BufferBeforeMinutes = null,
    int? BufferAfterMinutes = null,
    int? MinimumNoticeMinutes = null,
    int? BookingWindowDays = null,
    [property: WeekdayKeys] Dictionary<string, List<HoursRangeRequest>>? WeeklyHours = null,
    bool? PublicBooking = null) : ICalendarFields;
