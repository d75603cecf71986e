using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class ConnectionEventsTests
{
    [Fact]
    public async Task A_dead_grant_is_announced_by_the_first_write_that_stores_it_and_not_again_until_a_reconnect_was_stored()
    {
        var h = new Harness();
        var events = new ConnectionEvents(Harness.Key, h.Clock);
        events.Stored(h.State);
        Assert.False(events.NewlyNeedsReconnect(h.State));

        h.Clock.Advance(TimeSpan.FromHours(1));
        h.Identity.FailWith = OutlookAuthFailure.ReconnectRequired;
        await Assert.ThrowsAsync<CalendarException>(() => h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));
        Assert.True(events.NewlyNeedsReconnect(h.State));

        events.Stored(h.State);
        Assert.False(events.NewlyNeedsReconnect(h.State));

        h.State.Status = ConnectionStatus.Connected;
        events.Stored(h.State);
        h.State.Status = ConnectionStatus.NeedsReconnect;
        Assert.True(events.NewlyNeedsReconnect(h.State));
    }

    [Fact]
    public void Events_are_numbered_in_the_state_and_a_disconnect_shows_the_connection_as_it_was_but_disconnected()
    {
        var h = new Harness();
        var events = new ConnectionEvents(Harness.Key, h.Clock);
        var shown = ConnectionView.Details(h.State, h.Planner(), syncing: true, h.Clock.GetUtcNow());

        var connected = events.Next(h.State, EventTypes.ConnectionConnected, shown);
        var disconnected = events.Next(h.State, EventTypes.ConnectionDisconnected, shown);

        Assert.Equal([1, 2], [connected.Sequence, disconnected.Sequence]);
        Assert.Equal(2, h.State.EventSequence);
        Assert.Equal(ConnectionStatus.Connected, connected.Connection!.Status);
        Assert.Equal(ConnectionStatus.Disconnected, disconnected.Connection!.Status);
        Assert.Equal(Harness.Linked, disconnected.Connection.LinkedCalendarId);
        Assert.Equal(("usr_test", new EventSourceRef(EventSourceKind.OutlookIntegration, Harness.Key)), (disconnected.UserId, disconnected.Source));
    }
}
