using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Sync;

namespace OrleansCalendar.Sync.Tests;

public sealed class PushEngineTests
{
    [Fact]
    public async Task A_create_whose_answer_was_lost_is_tried_again_later_and_finds_the_event_Graph_made()
    {
        var h = new Harness();
        var pushes = h.Pushes();
        Assert.Equal(PushOutcome.Queued, pushes.Enqueue(h.State, Push(h, "appt-1", version: 1)));
        h.Graph.LoseNextAnswer();

        var failed = await pushes.PushAsync(h.Session(), "appt-1");
        Assert.Equal(SyncState.Pending, failed!.Sync.State);
        Assert.Empty(PushEngine.Due(h.State, h.Clock.GetUtcNow()));

        h.Clock.Advance(h.Sync.PushRetryDelay * 1.2);
        Assert.Equal(["appt-1"], PushEngine.Due(h.State, h.Clock.GetUtcNow()));
        var synced = await pushes.PushAsync(h.Session(), "appt-1");

        Assert.Equal(SyncState.Synced, synced!.Sync.State);
        var (eventId, copy) = Assert.Single(h.Graph.Created);
        Assert.Equal(eventId, synced.Sync.ExternalEventId);
        Assert.StartsWith("oc-", copy.Draft.TransactionId, StringComparison.Ordinal);
        Assert.Equal("sa_test/appt-1", copy.Draft.Tag);
        Assert.Equal(0, h.State.Pushes.Values.Count(p => p.IsDirty));
    }

    [Fact]
    public async Task A_throttled_push_is_not_tried_again_before_Retry_After_counted_from_the_answer()
    {
        var h = new Harness();
        var pushes = h.Pushes();
        pushes.Enqueue(h.State, Push(h, "appt-1", version: 1));
        h.Graph.FailNext(429, TimeSpan.FromSeconds(30));

        await pushes.PushAsync(h.Session(), "appt-1");
        var answeredAt = h.Clock.GetUtcNow();

        Assert.Equal(answeredAt + TimeSpan.FromSeconds(30), h.State.Pushes["appt-1"].NextAttemptAt);
        Assert.Empty(PushEngine.Due(h.State, answeredAt + TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1)));
        Assert.Single(PushEngine.Due(h.State, answeredAt + TimeSpan.FromSeconds(30)));
        Assert.StartsWith("Writing an appointment to Outlook failed", h.State.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_pushes_wait_longer_each_time_up_to_the_longest_delay()
    {
        var h = new Harness();
        var pushes = h.Pushes();
        pushes.Enqueue(h.State, Push(h, "appt-1", version: 1));
        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            h.Graph.FailNext(503);
            await pushes.PushAsync(h.Session(), "appt-1");
            var wait = h.State.Pushes["appt-1"].NextAttemptAt - h.Clock.GetUtcNow();
            waits.Add(wait);
            h.Clock.Advance(wait);
        }

        Assert.InRange(waits[0], h.Sync.PushRetryDelay * 0.8, h.Sync.PushRetryDelay * 1.2);
        Assert.InRange(waits[3], h.Sync.PushRetryDelay * 8 * 0.8, h.Sync.PushRetryDelay * 8 * 1.2);
        Assert.All(waits, w => Assert.True(w <= h.Sync.MaxPushRetryDelay * 1.2));
        Assert.Equal(10, h.State.Pushes["appt-1"].Attempts);
    }

    [Fact]
    public async Task A_copy_deleted_in_Outlook_is_written_again_under_a_new_transaction_id()
    {
        var h = new Harness();
        var pushes = await PushedAsync(h, ("appt-1", 10));
        var first = h.State.Pushes["appt-1"].EventId!;
        var firstTransaction = h.Graph.Created[first].Draft.TransactionId;
        h.Graph.DeleteCopy(first);

        pushes.Enqueue(h.State, Push(h, "appt-1", version: 2, hour: 15));
        var second = (await pushes.PushAsync(h.Session(), "appt-1"))!.Sync.ExternalEventId!;

        Assert.NotEqual(first, second);
        Assert.NotEqual(firstTransaction, h.Graph.Created[second].Draft.TransactionId);
        Assert.Equal(1, h.State.Pushes["appt-1"].Generation);
    }

    [Fact]
    public async Task Cancel_deletes_the_copy_or_marks_it_cancelled_as_the_preferences_say()
    {
        var h = new Harness();
        var pushes = await PushedAsync(h, ("appt-1", 10), ("appt-2", 12));
        var marked = h.State.Pushes["appt-2"].EventId!;

        pushes.Enqueue(h.State, Push(h, "appt-1", version: 2, cancelled: true));
        await pushes.PushAsync(h.Session(), "appt-1");
        h.State.Preferences = SyncPreferences.Default with { OnCancel = CancelBehavior.MarkCancelled };
        pushes.Enqueue(h.State, Push(h, "appt-2", version: 2, hour: 12, cancelled: true));
        await pushes.PushAsync(h.Session(), "appt-2");

        Assert.Equal([marked], h.Graph.Created.Keys);
        Assert.Equal(("free", "Cancelled: Consultation"), (h.Graph.Created[marked].Draft.ShowAs, h.Graph.Created[marked].Draft.Subject));
    }

    [Fact]
    public void An_older_version_and_a_new_cancelled_appointment_change_nothing_and_without_a_linked_calendar_nothing_applies()
    {
        var h = new Harness();
        var pushes = h.Pushes();
        pushes.Enqueue(h.State, Push(h, "appt-1", version: 2, hour: 10));

        Assert.Equal(PushOutcome.Ignored, pushes.Enqueue(h.State, Push(h, "appt-1", version: 1, hour: 16)));
        Assert.Equal(h.Tomorrow(10), h.State.Pushes["appt-1"].Start);
        Assert.Equal(PushOutcome.Ignored, pushes.Enqueue(h.State, Push(h, "appt-2", version: 1, cancelled: true)));

        h.State.LinkedCalendarId = null;
        Assert.Equal(PushOutcome.NotApplicable, pushes.Enqueue(h.State, Push(h, "appt-3", version: 1)));
        Assert.Equal(SyncState.NotApplicable, pushes.NotApplicable("appt-3").Sync.State);
        Assert.Equal(["appt-1"], h.State.Pushes.Keys);
    }

    [Fact]
    public void Reconcile_asks_about_reservations_without_an_up_to_date_copy_and_copies_without_a_reservation()
    {
        var h = new Harness();
        var pushes = h.Pushes();
        pushes.Enqueue(h.State, Push(h, "in-step", version: 1, hour: 9));
        pushes.Enqueue(h.State, Push(h, "moved", version: 1, hour: 10));
        pushes.Enqueue(h.State, Push(h, "gone", version: 1, hour: 11));
        var reservations = new List<Reservation>
        {
            Reservation("in-step", h.Tomorrow(9)),
            Reservation("moved", h.Tomorrow(14)),
            Reservation("never-pushed", h.Tomorrow(15)),
        };

        Assert.Equal(["gone", "moved", "never-pushed"], PushEngine.Suspects(h.State, reservations, h.Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(SyncDirection.TwoWay)]
    [InlineData(SyncDirection.OneWay)]
    public async Task A_copy_moved_or_deleted_in_Outlook_goes_back_to_its_appointment_with_two_way_sync_and_is_reported_with_one_way(SyncDirection direction)
    {
        var h = new Harness();
        h.State.Preferences = SyncPreferences.Default with { Direction = direction };
        var pushes = await PushedAsync(h, ("moved", 9), ("deleted", 11));
        var movedCopy = Harness.Event(h.State.Pushes["moved"].EventId!, h.Tomorrow(16), TimeSpan.FromMinutes(30));
        var deletedCopy = new Outlook.OutlookEvent(h.State.Pushes["deleted"].EventId!, Removed: true);

        var (changes, reports) = await pushes.FollowAsync(h.Session(), Harness.Linked, [("moved", movedCopy), ("deleted", deletedCopy)]);

        if (direction == SyncDirection.TwoWay)
        {
            Assert.Equal([new OwnCopyChange("moved", h.Tomorrow(16), h.Tomorrow(16).AddMinutes(30), false), new OwnCopyChange("deleted", h.Tomorrow(11), h.Tomorrow(11).AddMinutes(30), true)], changes);
            Assert.Empty(reports);
        }
        else
        {
            Assert.Empty(changes);
            Assert.All(reports, r => Assert.Equal(SyncState.Failed, r.Sync.State));
            Assert.Equal(["moved", "deleted"], reports.Select(r => r.AppointmentId));
        }

        Assert.Null(h.State.Pushes["deleted"].EventId);
        Assert.Equal(h.Tomorrow(16), h.State.Pushes["moved"].OutlookStart);
    }

    [Fact]
    public async Task A_copy_lookup_Graph_fails_changes_nothing_so_the_next_round_sees_the_move_again()
    {
        var h = new Harness();
        h.State.Preferences = SyncPreferences.Default with { Direction = SyncDirection.TwoWay };
        var pushes = await PushedAsync(h, ("moved", 9), ("deleted", 11));
        var movedCopy = Harness.Event(h.State.Pushes["moved"].EventId!, h.Tomorrow(16), TimeSpan.FromMinutes(30));
        var deletedCopy = new Outlook.OutlookEvent(h.State.Pushes["deleted"].EventId!, Removed: true);
        h.Graph.FailNext(503);

        await Assert.ThrowsAsync<Outlook.OutlookGraphException>(() => pushes.FollowAsync(h.Session(), Harness.Linked, [("moved", movedCopy), ("deleted", deletedCopy)]));

        Assert.Equal(h.Tomorrow(9), h.State.Pushes["moved"].OutlookStart);
        Assert.NotNull(h.State.Pushes["deleted"].EventId);
    }

    /// <summary>The appointments pushed to Outlook (version 1, at the given hour tomorrow).</summary>
    private static async Task<PushEngine> PushedAsync(Harness h, params (string AppointmentId, int Hour)[] appointments)
    {
        var pushes = h.Pushes();
        foreach (var (appointmentId, hour) in appointments)
        {
            pushes.Enqueue(h.State, Push(h, appointmentId, version: 1, hour));
            Assert.Equal(SyncState.Synced, (await pushes.PushAsync(h.Session(), appointmentId))!.Sync.State);
        }

        return pushes;
    }

    private static AppointmentPush Push(Harness h, string appointmentId, long version, int hour = 10, bool cancelled = false) =>
        new(appointmentId, "cal_1", version, h.Tomorrow(hour), h.Tomorrow(hour).AddMinutes(30), "America/New_York", "Consultation", "Pat Doe", cancelled);

    private static Reservation Reservation(string appointmentId, DateTimeOffset start) =>
        new(appointmentId, 1, "cal_1", start, start.AddMinutes(30), start, start.AddMinutes(30), IgnoresExternalBusy: false);
}
