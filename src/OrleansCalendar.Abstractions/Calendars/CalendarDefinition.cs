namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>
/// Everything a client sets on a booking calendar. Validated at the edge before it reaches a grain.
/// <see cref="OutlookSync"/>: whether appointments are pushed to members' linked Outlook calendars (never for event calendars).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CalendarDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] CalendarType Type,
    [property: Id(2)] IReadOnlyList<string> UserIds,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] int SlotDurationMinutes,
    [property: Id(5)] int SlotIntervalMinutes,
    [property: Id(6)] int BufferBeforeMinutes,
    [property: Id(7)] int BufferAfterMinutes,
    [property: Id(8)] int MinimumNoticeMinutes,
    [property: Id(9)] int BookingWindowDays,
    [property: Id(10)] IReadOnlyDictionary<string, IReadOnlyList<HoursRange>> WeeklyHours,
    [property: Id(11)] bool PublicBooking,
    [property: Id(12)] bool OutlookSync = true);
