namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>
/// A booking the calendar has checked against its rules: who, when, and the interval it blocks
/// (the appointment widened by the calendar's buffers). <see cref="TimeZone"/> is the calendar's zone (the zone the
/// Outlook copy is written in); <see cref="PushToOutlook"/> is false for event calendars and calendars with Outlook
/// sync switched off.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentPlan(
    [property: Id(0)] string CalendarId,
    [property: Id(1)] IReadOnlyList<string> UserIds,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] DateTimeOffset BlockedStart,
    [property: Id(5)] DateTimeOffset BlockedEnd,
    [property: Id(6)] bool IgnoresExternalBusy,
    [property: Id(7)] string TimeZone = "UTC",
    [property: Id(8)] bool PushToOutlook = false);
