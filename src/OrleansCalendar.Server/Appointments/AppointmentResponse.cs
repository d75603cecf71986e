using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Appointments;

/// <summary>An appointment with its push state per member.</summary>
/// <param name="Id">The appointment's id.</param>
/// <param name="CalendarId">The booking calendar it was booked on.</param>
/// <param name="UserIds">The members it is booked for.</param>
/// <param name="Start">In the calendar's time zone (UTC once the calendar is deleted).</param>
/// <param name="End">In the same zone as <paramref name="Start"/>.</param>
/// <param name="Title">The title, if one was given.</param>
/// <param name="Status">Cancelled appointments are kept.</param>
/// <param name="Contact">Who booked.</param>
/// <param name="Notes">Notes, if any were given.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
/// <param name="Sync">Where its copy in each member's Outlook stands.</param>
public sealed record AppointmentResponse(
    string Id,
    string CalendarId,
    IReadOnlyList<string> UserIds,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Title,
    AppointmentStatus Status,
    Contact Contact,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AppointmentSync> Sync)
{
    /// <summary>The appointment as the API shows it; <paramref name="calendarTimeZone"/> is its calendar's zone.</summary>
    public static AppointmentResponse From(AppointmentDetails a, string? calendarTimeZone) =>
        new(a.Id, a.CalendarId, a.UserIds, ResponseTimes.InZone(a.Start, calendarTimeZone), ResponseTimes.InZone(a.End, calendarTimeZone),
            a.Title, a.Status, a.Contact, a.Notes, ResponseTimes.Utc(a.CreatedAt), ResponseTimes.Utc(a.UpdatedAt), a.Sync);
}
