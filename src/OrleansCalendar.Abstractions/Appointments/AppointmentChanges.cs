namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>A partial update: a new start reschedules (re-checked like a booking); title and notes just change.</summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentChanges(
    [property: Id(0)] DateTimeOffset? Start,
    [property: Id(1)] DateTimeOffset? End,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Notes);
