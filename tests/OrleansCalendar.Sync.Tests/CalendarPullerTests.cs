using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class CalendarPullerTests
{
    [Fact]
    public async Task A_first_round_follows_every_page_and_keeps_the_delta_link_and_the_busy_time()
    {
        var h = new Harness();
        for (var i = 0; i < 5; i++)
        {
            h.Graph.Put(Harness.Work, Harness.Event($"e{i}", h.Tomorrow(8 + i), TimeSpan.FromMinutes(30), showAs: i == 4 ? "free" : "busy"));
        }

        var puller = h.Puller();
        var result = await puller.PullAsync(h.Session(), Harness.Work);

        Assert.NotNull(result);
        Assert.Equal(3, h.Graph.Calls.Count);
        Assert.Equal(5, result.Events.Count);
        Assert.Equal(4, result.Publish!.Count);
        puller.Apply(h.State, result);
        var record = h.State.Calendars[Harness.Work];
        Assert.Equal(result.DeltaLink, record.DeltaLink);
        Assert.True(record.Published);
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime.Date, record.WindowStart.UtcDateTime);
        Assert.Equal(record.WindowStart.AddDays(90), record.WindowEnd);
    }

    [Fact]
    public async Task The_next_round_continues_from_the_delta_link_and_publishes_only_a_change()
    {
        var h = new Harness();
        h.Graph.Put(Harness.Work, Harness.Event("e1", h.Tomorrow(9), TimeSpan.FromHours(1)));
        var puller = h.Puller();
        puller.Apply(h.State, (await puller.PullAsync(h.Session(), Harness.Work))!);
        var link = h.State.Calendars[Harness.Work].DeltaLink;

        var quiet = await puller.PullAsync(h.Session(), Harness.Work);
        Assert.Equal($"delta {Harness.Work} {link}", h.Graph.Calls[^1]);
        Assert.Null(quiet!.Publish);
        puller.Apply(h.State, quiet);

        h.Graph.Put(Harness.Work, Harness.Event("e1", h.Tomorrow(14), TimeSpan.FromHours(1)));
        var moved = await puller.PullAsync(h.Session(), Harness.Work);
        Assert.Equal(h.Tomorrow(14), Assert.Single(moved!.Publish!).Start);
    }

    [Fact]
    public async Task An_expired_delta_link_runs_a_full_round_and_the_busy_time_in_force_stays_until_it_is_complete()
    {
        var h = new Harness();
        for (var i = 0; i < 6; i++)
        {
            h.Graph.Put(Harness.Work, Harness.Event($"e{i}", h.Tomorrow(8 + i), TimeSpan.FromMinutes(30)));
        }

        var puller = h.Puller();
        puller.Apply(h.State, (await puller.PullAsync(h.Session(), Harness.Work))!);
        var inForce = h.State.Calendars[Harness.Work].Imported.Count;
        h.Graph.Remove(Harness.Work, "e0");
        h.Graph.ExpireDeltaLinks();

        // Each request takes four seconds: the ten-second budget ends the turn in the middle of the full round.
        h.Graph.OnCall = () => h.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(await puller.PullAsync(h.Session(), Harness.Work));
        Assert.Contains(h.Graph.Calls, c => c == $"delta {Harness.Work} start");
        Assert.Equal(inForce, h.State.Calendars[Harness.Work].Imported.Count);
        Assert.True(puller.HasUnfinishedRounds);

        // The next turn continues the round where it stopped, and only then does its result replace the old one.
        var callsBefore = h.Graph.Calls.Count;
        var result = await puller.PullAsync(h.Session(), Harness.Work);
        Assert.StartsWith($"delta {Harness.Work} nextLink", h.Graph.Calls[callsBefore], StringComparison.Ordinal);
        Assert.Equal(5, result!.Events.Count);
        Assert.False(puller.HasUnfinishedRounds);
    }

    [Fact]
    public async Task A_new_day_slides_the_window_and_runs_a_full_round()
    {
        var h = new Harness();
        h.Graph.Put(Harness.Work, Harness.Event("e1", h.Tomorrow(9), TimeSpan.FromHours(1)));
        var puller = h.Puller();
        puller.Apply(h.State, (await puller.PullAsync(h.Session(), Harness.Work))!);

        h.Clock.Advance(TimeSpan.FromDays(1));
        var result = await puller.PullAsync(h.Session(), Harness.Work);

        Assert.Equal($"delta {Harness.Work} start", h.Graph.Calls[^1]);
        Assert.Equal(h.State.Calendars[Harness.Work].WindowStart.AddDays(1), result!.WindowStart);
    }

    [Fact]
    public async Task Busy_time_goes_to_availability_only_for_conflict_calendars()
    {
        var h = new Harness();
        h.State.ConflictCalendarIds = [Harness.Work];
        h.Graph.Put(Harness.Linked, Harness.Event("e1", h.Tomorrow(9), TimeSpan.FromHours(1)));
        var puller = h.Puller();

        var result = await puller.PullAsync(h.Session(), Harness.Linked);

        Assert.Single(result!.Events);
        Assert.Null(result.Publish);
    }

    [Fact]
    public async Task Our_own_copies_are_not_imported_but_handed_back_by_appointment()
    {
        var h = new Harness();
        h.State.Pushes["appt-1"] = new PushRecord { AppointmentId = "appt-1", TransactionId = "oc-1", Version = 1, PushedVersion = 1 };
        h.Graph.Put(Harness.Linked, Harness.Event("copy", h.Tomorrow(9), TimeSpan.FromHours(1), transactionId: "oc-1"));
        h.Graph.Put(Harness.Linked, Harness.Event("other", h.Tomorrow(11), TimeSpan.FromHours(1)));

        var result = await h.Puller().PullAsync(h.Session(), Harness.Linked);

        Assert.Single(result!.Events);
        var (appointmentId, item) = Assert.Single(result.OwnCopies);
        Assert.Equal(("appt-1", "copy"), (appointmentId, item.Id));
    }

    [Fact]
    public async Task A_round_Graph_fails_changes_nothing()
    {
        var h = new Harness();
        h.Graph.Put(Harness.Work, Harness.Event("e1", h.Tomorrow(9), TimeSpan.FromHours(1)));
        var puller = h.Puller();
        puller.Apply(h.State, (await puller.PullAsync(h.Session(), Harness.Work))!);
        var before = h.State.Calendars[Harness.Work].DeltaLink;
        h.Graph.Put(Harness.Work, Harness.Event("e2", h.Tomorrow(11), TimeSpan.FromHours(1)));
        h.Graph.FailNext(503);

        await Assert.ThrowsAsync<OutlookGraphException>(() => puller.PullAsync(h.Session(), Harness.Work));

        Assert.Equal(before, h.State.Calendars[Harness.Work].DeltaLink);
        Assert.Single(h.State.Calendars[Harness.Work].Imported);
        Assert.Equal(2, (await puller.PullAsync(h.Session(), Harness.Work))!.Events.Count);
    }
}
