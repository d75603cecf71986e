using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class GraphSessionTests
{
    [Fact]
    public async Task A_401_refreshes_the_token_and_tries_once_more()
    {
        var h = new Harness();
        h.Graph.RejectedTokens.Add("access-1");

        var calendars = await h.Session().ListCalendarsAsync();

        Assert.Equal(2, calendars.Count);
        Assert.Equal(["access-1", "access-2"], h.Graph.Tokens);
    }

    [Fact]
    public async Task A_second_401_with_a_fresh_token_needs_a_reconnect()
    {
        var h = new Harness();
        h.Graph.RejectedTokens.UnionWith(["access-1", "access-2"]);

        var error = await Assert.ThrowsAsync<CalendarException>(() => h.Session().ListCalendarsAsync());

        Assert.Equal(ErrorCodes.NeedsReconnect, error.Code);
        Assert.Equal(ConnectionStatus.NeedsReconnect, h.State.Status);
        Assert.Equal(2, h.Graph.Calls.Count);
    }

    [Fact]
    public async Task In_the_background_a_Retry_After_stops_further_calls_until_it_has_passed_counted_from_the_answer()
    {
        var h = new Harness();
        h.Graph.FailNext(429, TimeSpan.FromSeconds(3));
        var session = h.Session();
        var answeredAt = h.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<OutlookGraphException>(() => session.ListCalendarsAsync());

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(answeredAt + TimeSpan.FromSeconds(3), session.NotBefore);
        Assert.False(session.CanCall);
        h.Clock.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.False(session.CanCall);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(session.CanCall);
    }

    [Fact]
    public async Task An_interactive_call_waits_out_a_Retry_After_that_fits_its_budget_and_tries_again()
    {
        var h = new Harness();
        var calledAt = new List<DateTimeOffset>();
        h.Graph.OnCall = () => calledAt.Add(h.Clock.GetUtcNow());
        h.Graph.FailNext(429, TimeSpan.FromSeconds(3));

        var call = h.Session(interactive: true).ListCalendarsAsync();
        await Eventually(() => calledAt.Count == 1);
        h.Clock.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.False(call.IsCompleted);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, (await call).Count);
        Assert.Equal(TimeSpan.FromSeconds(3), calledAt[1] - calledAt[0]);
    }

    [Fact]
    public async Task An_interactive_call_does_not_wait_for_a_Retry_After_beyond_its_budget()
    {
        var h = new Harness();
        h.Graph.FailNext(429, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<OutlookGraphException>(() => h.Session(interactive: true).ListCalendarsAsync());

        Assert.Equal(429, error.StatusCode);
        Assert.Single(h.Graph.Calls);
    }

    [Fact]
    public async Task A_hanging_Graph_costs_the_turn_its_budget_and_no_more()
    {
        var h = new Harness();
        h.Graph.Hang = true;
        var session = h.Session(interactive: true);

        var call = session.ListCalendarsAsync();
        h.Clock.Advance(h.Sync.TurnBudget - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<OutlookGraphException>(() => call);
        Assert.Null(error.StatusCode);
        Assert.False(session.CanCall);
    }

    [Fact]
    public async Task A_connection_that_needs_a_reconnect_calls_nothing()
    {
        var h = new Harness();
        h.State.Status = ConnectionStatus.NeedsReconnect;

        var error = await Assert.ThrowsAsync<CalendarException>(() => h.Session().ListCalendarsAsync());

        Assert.Equal(ErrorCodes.NeedsReconnect, error.Code);
        Assert.Empty(h.Graph.Calls);
    }

    /// <summary>Waits for something a continuation on the fake clock's timers does (they run on the thread pool).</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
