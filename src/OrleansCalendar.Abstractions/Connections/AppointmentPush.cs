namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// An appointment as one member's Outlook should show it. <see cref="Version"/> orders pushes of the same
/// appointment (a later one replaces an earlier one); <see cref="Start"/>/<see cref="End"/> are written as wall
/// clock in <see cref="TimeZone"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentPush(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] string CalendarId,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] DateTimeOffset End,
    [property: Id(5)] string TimeZone,
    [property: Id(6)] string Subject,
    [property: Id(7)] string Body,
    [property: Id(8)] bool Cancelled);
