using System.ComponentModel.DataAnnotations;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Server.OpenApi;

namespace OrleansCalendar.Server.Calendars;

/// <summary>A new booking calendar; fields left out take their defaults.</summary>
/// <param name="Name">1–200 characters.</param>
/// <param name="Type">How bookings are assigned to members.</param>
/// <param name="UserIds">The members: exactly one for personal calendars, 1–50 for team calendars, none or up to 50 for event calendars.</param>
/// <param name="TimeZone">IANA time zone of the weekly hours; defaults to the sub-account's.</param>
/// <param name="SlotDurationMinutes">5–1440; default 30.</param>
/// <param name="SlotIntervalMinutes">5–1440; defaults to the slot duration.</param>
/// <param name="BufferBeforeMinutes">0–1440; default 0.</param>
/// <param name="BufferAfterMinutes">0–1440; default 0.</param>
/// <param name="MinimumNoticeMinutes">0–525600; default 0.</param>
/// <param name="BookingWindowDays">1–730; default 60.</param>
/// <param name="WeeklyHours">Bookable ranges per weekday in the calendar's zone; default Monday to Friday 09:00–17:00. A day left out has no hours.</param>
/// <param name="PublicBooking">Whether anyone with the calendar's id may book it on the public routes; default false.</param>
public sealed record CreateCalendarRequest(
    [property: Required] string? Name,
    [property: Required] CalendarType? Type,
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
