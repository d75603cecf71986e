namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>The push state of an appointment for one member.</summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentSync(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Provider,
    [property: Id(2)] SyncState State,
    [property: Id(3)] string? ExternalEventId,
    [property: Id(4)] string? LastError);
