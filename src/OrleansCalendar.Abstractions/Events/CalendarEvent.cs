using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// Something integrators are told about: an appointment or connection change, with a typed snapshot of the thing as
/// it was right after the change. The payload (<c>data</c>) is rendered from the snapshot when it is delivered, with
/// the REST API's own response mapping. <see cref="Sequence"/> numbers the changes of one producer
/// (<see cref="Source"/>) without gaps, so the producer can say whether a prepared event's change was stored;
/// <see cref="OrderingKey"/> (the appointment id, or the connection's user id) is what delivery keeps in order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CalendarEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] string OrderingKey,
    [property: Id(4)] AppointmentDetails? Appointment,
    [property: Id(5)] string? ChangedBy,
    [property: Id(6)] OutlookConnectionDetails? Connection,
    [property: Id(7)] string? UserId,
    [property: Id(8)] long Sequence,
    [property: Id(9)] EventSourceRef Source)
{
    public const string IdPrefix = "evt";

    public static CalendarEvent ForAppointment(string type, AppointmentDetails appointment, string changedBy, long sequence, DateTimeOffset at) =>
        new(Ids.New(IdPrefix), type, at, appointment.Id, appointment, changedBy, null, null, sequence,
            new EventSourceRef(EventSourceKind.Appointment, GrainKeys.Scoped(appointment.SubAccountId, appointment.Id)));

    public static CalendarEvent ForConnection(string type, string subAccountId, string userId, OutlookConnectionDetails connection, long sequence, DateTimeOffset at) =>
        new(Ids.New(IdPrefix), type, at, userId, null, null, connection, userId, sequence,
            new EventSourceRef(EventSourceKind.OutlookIntegration, GrainKeys.Scoped(subAccountId, userId)));

    /// <summary>A test event for one endpoint: ordered with nothing else, and no producer to ask.</summary>
    public static CalendarEvent Ping(DateTimeOffset at)
    {
        var id = Ids.New(IdPrefix);
        return new CalendarEvent(id, EventTypes.Ping, at, id, null, null, null, null, 0, new EventSourceRef(EventSourceKind.None, ""));
    }
}
