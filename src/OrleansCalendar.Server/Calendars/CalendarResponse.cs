using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.OpenApi;

namespace OrleansCalendar.Server.Calendars;

/// <summary>A booking calendar.</summary>
public sealed record CalendarResponse(
    string Id,
    string Name,
    CalendarType Type,
    IReadOnlyList<string> UserIds,
    string TimeZone,
    int SlotDurationMinutes,
    int SlotIntervalMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MinimumNoticeMinutes,
    int BookingWindowDays,
    [property: WeekdayKeys] IReadOnlyDictionary<string, IReadOnlyList<HoursRange>> WeeklyHours,
    bool PublicBooking,
    bool OutlookSync,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CalendarResponse From(CalendarDetails c)
    {
        var d = c.Definition;
        return new(c.Id, d.Name, d.Type, d.UserIds, d.TimeZone, d.SlotDurationMinutes, d.SlotIntervalMinutes,
            d.BufferBeforeMinutes, d.BufferAfterMinutes, d.MinimumNoticeMinutes, d.BookingWindowDays, d.WeeklyHours,
            d.PublicBooking, d.OutlookSync, ResponseTimes.Utc(c.CreatedAt), ResponseTimes.Utc(c.UpdatedAt));
    }
}
