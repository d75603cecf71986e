using OrleansCalendar.Abstractions.Appointments;

namespace OrleansCalendar.Server.Appointments;

/// <summary>An appointment with its push state per member.</summary>
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
    public static AppointmentResponse From(AppointmentDetails a) =>
        new(a.Id, a.CalendarId, a.UserIds, a.Start, a.End, a.Title, a.Status, a.Contact, a.Notes, a.CreatedAt, a.UpdatedAt, a.Sync);
}
