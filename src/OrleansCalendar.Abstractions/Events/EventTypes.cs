namespace OrleansCalendar.Abstractions.Events;

/// <summary>The event types of the public contract. Integrators filter on these names, so never rename one.</summary>
public static class EventTypes
{
    public const string AppointmentCreated = "appointment.created";
    public const string AppointmentRescheduled = "appointment.rescheduled";
    public const string AppointmentCancelled = "appointment.cancelled";
    public const string ConnectionConnected = "connection.connected";
    public const string ConnectionNeedsReconnect = "connection.needsReconnect";
    public const string ConnectionDisconnected = "connection.disconnected";
    public const string Ping = "ping";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        AppointmentCreated, AppointmentRescheduled, AppointmentCancelled,
        ConnectionConnected, ConnectionNeedsReconnect, ConnectionDisconnected,
        Ping,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
