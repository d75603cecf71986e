namespace OrleansCalendar.Abstractions.Connections;

public enum ConnectionStatus
{
    Connected,

    /// <summary>The refresh token died (revoked, expired, password change): the user must reconnect.</summary>
    NeedsReconnect,

    Disconnected,
}
