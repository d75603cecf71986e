namespace OrleansCalendar.Abstractions.Appointments;

[GenerateSerializer, Immutable]
public sealed record AppointmentDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string SubAccountId,
    [property: Id(2)] string CalendarId,
    [property: Id(3)] IReadOnlyList<string> UserIds,
    [property: Id(4)] DateTimeOffset Start,
    [property: Id(5)] DateTimeOffset End,
    [property: Id(6)] string? Title,
    [property: Id(7)] AppointmentStatus Status,
    [property: Id(8)] Contact Contact,
    [property: Id(9)] string? Notes,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] IReadOnlyList<AppointmentSync> Sync);
