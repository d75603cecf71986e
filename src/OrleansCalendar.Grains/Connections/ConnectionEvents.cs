using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// The connection's events. <c>connection.connected</c> and <c>connection.disconnected</c> come from the steps that
/// make those changes; <c>connection.needsReconnect</c> from the write that first stores that status, whichever
/// request found the grant dead. Each is numbered in the state (<see cref="OutlookIntegrationState.EventSequence"/>,
/// which outlives the connection) and goes to the <see cref="Events.EventRecorder"/> with the write that stores it.
/// </summary>
internal sealed class ConnectionEvents(string integrationKey, TimeProvider clock)
{
    // The status storage holds (null: no connection), so that a reconnect is announced once, not with every write.
    private ConnectionStatus? _stored;

    /// <summary>After a read or a stored write: what storage now holds.</summary>
    public void Stored(OutlookIntegrationState state) => _stored = state.Exists ? state.Status : null;

    /// <summary>Whether writing <paramref name="state"/> now stores "needs reconnect" for the first time.</summary>
    public bool NewlyNeedsReconnect(OutlookIntegrationState state) =>
        state.Exists && state.Status == ConnectionStatus.NeedsReconnect && _stored != ConnectionStatus.NeedsReconnect;

    /// <summary>
    /// The event of a change about to be written, with the next sequence number taken in <paramref name="state"/>
    /// (a write that fails reloads it, so the number is reused). A disconnect shows the connection as it was, disconnected.
    /// </summary>
    public CalendarEvent Next(OutlookIntegrationState state, string type, OutlookConnectionDetails connection)
    {
        state.EventSequence++;
        var (subAccountId, userId) = GrainKeys.Split(integrationKey);
        var shown = type == EventTypes.ConnectionDisconnected ? connection with { Status = ConnectionStatus.Disconnected } : connection;
        return CalendarEvent.ForConnection(type, subAccountId, userId, shown, state.EventSequence, clock.GetUtcNow());
    }
}
