using OrleansCalendar.Grains.Sync;
using Microsoft.Extensions.Time.Testing;

namespace OrleansCalendar.Sync.Tests;

public sealed class SyncScheduleTests
{
    private static readonly IReadOnlyList<string> Watched = [Harness.Linked, Harness.Work];
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void A_quiet_connection_wakes_one_period_after_its_last_poll()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.Polled(Now);

        Assert.Equal(Now + Period, Next(schedule));
        Assert.Empty(schedule.DuePulls(Watched, Period));
        _clock.Advance(Period);
        Assert.Equal(Watched, schedule.DuePulls(Watched, Period));
    }

    [Fact]
    public void A_requested_sync_pulls_every_watched_calendar_and_then_reconciles_and_shows_syncing_until_then()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.Polled(Now);
        schedule.RequestSync();
        Assert.True(schedule.Syncing(connected: true));
        Assert.Equal(Now, Next(schedule));

        Assert.Equal(Watched, schedule.DuePulls(Watched, Period));
        schedule.Pulled(Harness.Linked);
        Assert.False(schedule.TakeReconcile());
        schedule.Pulled(Harness.Work);
        Assert.True(schedule.Syncing(connected: true));
        Assert.True(schedule.TakeReconcile());
        Assert.False(schedule.Syncing(connected: true));
        Assert.Equal(Now + Period, Next(schedule));
    }

    [Fact]
    public void Notifications_within_the_coalescing_window_make_one_pull_of_their_calendar()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.Polled(Now);
        schedule.QueuePull(Harness.Work, TimeSpan.FromMilliseconds(250));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        schedule.QueuePull(Harness.Work, TimeSpan.FromMilliseconds(250));

        Assert.Equal(Now + TimeSpan.FromMilliseconds(150), Next(schedule));
        Assert.Empty(schedule.DuePulls(Watched, Period));
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal([Harness.Work], schedule.DuePulls(Watched, Period));
        schedule.Pulled(Harness.Work);
        Assert.Empty(schedule.DuePulls(Watched, Period));
        Assert.False(schedule.TakeReconcile());
    }

    [Fact]
    public void Graph_work_waits_for_Retry_After_but_housekeeping_does_not()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.RequestSync();
        schedule.Throttled(Now + TimeSpan.FromSeconds(3));

        Assert.False(schedule.GraphAllowed);
        Assert.Equal(Now + TimeSpan.FromSeconds(3), Next(schedule, pushAt: Now));
        Assert.Equal(Now, schedule.NextAt(connected: true, housekeepingOwed: true, Period, null, null));
        schedule.Throttled(Now + TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(schedule.GraphAllowed);
    }

    [Fact]
    public void After_failed_turns_nothing_runs_before_a_growing_pause()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.RequestSync();
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            schedule.TurnFailed();
            pauses.Add(Next(schedule)!.Value - Now);
        }

        Assert.InRange(pauses[0], TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(pauses[3], TimeSpan.FromSeconds(6.4), TimeSpan.FromSeconds(9.6));
        Assert.All(pauses, p => Assert.True(p <= SyncSchedule.MaxTurnRetryDelay * 1.2));
        Assert.True(schedule.NextAt(connected: false, housekeepingOwed: true, Period, null, null) > Now);

        schedule.TurnSucceeded();
        Assert.Equal(Now, Next(schedule));
    }

    [Fact]
    public void A_connection_that_needs_a_reconnect_wakes_for_nothing_but_housekeeping()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.RequestSync();

        Assert.Null(schedule.NextAt(connected: false, housekeepingOwed: false, Period, Now, Now));
        Assert.False(schedule.Syncing(connected: false));
        Assert.Equal(Now, schedule.NextAt(connected: false, housekeepingOwed: true, Period, null, null));
    }

    [Fact]
    public void The_earliest_due_work_wins()
    {
        var schedule = new SyncSchedule(_clock);
        schedule.Polled(Now);

        Assert.Equal(Now + TimeSpan.FromSeconds(20), Next(schedule, subscriptionAt: Now + TimeSpan.FromSeconds(40), pushAt: Now + TimeSpan.FromSeconds(20)));
        Assert.Equal(Now + TimeSpan.FromSeconds(40), Next(schedule, subscriptionAt: Now + TimeSpan.FromSeconds(40)));
    }

    private static DateTimeOffset? Next(SyncSchedule schedule, DateTimeOffset? subscriptionAt = null, DateTimeOffset? pushAt = null) =>
        schedule.NextAt(connected: true, housekeepingOwed: false, Period, subscriptionAt, pushAt);
}
