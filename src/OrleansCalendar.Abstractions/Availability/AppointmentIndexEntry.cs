namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// Where an appointment stands in an owner's index: its calendar and its time as last held. The appointment itself
/// is the truth; an entry whose time no longer matches it is stale (the appointment was moved) and is skipped.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentIndexEntry(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] string CalendarId,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End);
