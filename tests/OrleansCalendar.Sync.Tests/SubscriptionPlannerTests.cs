using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class SubscriptionPlannerTests
{
    private static readonly IReadOnlyList<string> Watched = [Harness.Linked, Harness.Work];

    [Fact]
    public async Task Every_watched_calendar_gets_a_subscription_that_is_renewed_half_way_through_its_lifetime()
    {
        var h = new Harness();
        var planner = h.Planner();
        var now = h.Clock.GetUtcNow();

        Assert.Equal(Watched, planner.Due(h.State, Watched, now));
        foreach (var calendarId in Watched)
        {
            var (subscription, hash) = await planner.CreateAsync(h.Session(), calendarId);
            Assert.Equal(32, hash.Length);
            planner.Confirmed(h.State.Subscriptions[calendarId], subscription);
        }

        Assert.True(planner.Healthy(h.State, Watched, now));
        Assert.Equal(now + h.Hooks.SubscriptionLifetime / 2, planner.NextWorkAt(h.State, Watched));
        Assert.Empty(planner.Due(h.State, Watched, now + h.Hooks.SubscriptionLifetime / 2 - TimeSpan.FromSeconds(1)));

        h.Clock.Advance(h.Hooks.SubscriptionLifetime / 2);
        var record = h.State.Subscriptions[Harness.Work];
        Assert.Equal(Watched, planner.Due(h.State, Watched, h.Clock.GetUtcNow()));
        Assert.False(SubscriptionPlanner.NeedsNew(record, h.Clock.GetUtcNow()));
        var renewed = await planner.RenewAsync(h.Session(), record);
        planner.Confirmed(record, renewed!);
        Assert.Equal(h.Clock.GetUtcNow() + h.Hooks.SubscriptionLifetime, record.ExpiresAt);
    }

    [Fact]
    public async Task A_subscription_Graph_lost_is_created_again()
    {
        var h = new Harness();
        var planner = h.Planner();
        planner.Due(h.State, Watched, h.Clock.GetUtcNow());
        var record = h.State.Subscriptions[Harness.Work];
        planner.Confirmed(record, (await planner.CreateAsync(h.Session(), Harness.Work)).Subscription);
        h.Graph.LoseSubscription(record.SubscriptionId!);

        Assert.Null(await planner.RenewAsync(h.Session(), record));
    }

    [Fact]
    public void Subscriptions_of_calendars_no_longer_watched_or_made_for_another_public_url_are_dropped()
    {
        var h = new Harness();
        var planner = h.Planner();
        h.State.Subscriptions["calendar-old"] = new SubscriptionRecord { SubscriptionId = "s-old", NotificationUrl = h.Hooks.NotificationUrl.ToString() };
        h.State.Subscriptions[Harness.Work] = new SubscriptionRecord { SubscriptionId = "s-work", NotificationUrl = "https://old-host.example/v1/webhooks/outlook" };
        h.State.Subscriptions[Harness.Linked] = new SubscriptionRecord { SubscriptionId = "s-linked", NotificationUrl = h.Hooks.NotificationUrl.ToString() };

        Assert.Equal(["calendar-old", Harness.Work], planner.ToDrop(h.State, Watched).Order());
        Assert.Equal(h.Clock.GetUtcNow(), planner.NextWorkAt(h.State, Watched));

        h.Hooks.Enabled = false;
        Assert.Equal(3, planner.ToDrop(h.State, Watched).Count);
        Assert.Empty(planner.Due(h.State, Watched, h.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_failed_create_waits_with_backoff_and_never_before_Retry_After()
    {
        var h = new Harness();
        var planner = h.Planner();
        planner.Due(h.State, Watched, h.Clock.GetUtcNow());
        var record = h.State.Subscriptions[Harness.Work];
        h.Graph.FailNext(429, TimeSpan.FromMinutes(2));

        var failure = await Assert.ThrowsAsync<OutlookGraphException>(() => planner.CreateAsync(h.Session(), Harness.Work));
        planner.Failed(record, failure);

        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), record.NextAttemptAt);
        Assert.Equal("failed", planner.View(h.State, Watched, Harness.Work, h.Clock.GetUtcNow())!.State);
        Assert.False(planner.Healthy(h.State, Watched, h.Clock.GetUtcNow()));
        Assert.DoesNotContain(Harness.Work, planner.Due(h.State, Watched, h.Clock.GetUtcNow() + TimeSpan.FromSeconds(119)));
    }

    [Fact]
    public async Task Polling_slows_to_the_safety_net_only_while_every_watched_calendar_has_a_live_subscription()
    {
        var h = new Harness();
        var planner = h.Planner();
        planner.Due(h.State, Watched, h.Clock.GetUtcNow());
        planner.Confirmed(h.State.Subscriptions[Harness.Linked], (await planner.CreateAsync(h.Session(), Harness.Linked)).Subscription);
        Assert.Equal(h.Sync.Interval, planner.PollingPeriod(h.State, Watched, h.Clock.GetUtcNow()));

        planner.Confirmed(h.State.Subscriptions[Harness.Work], (await planner.CreateAsync(h.Session(), Harness.Work)).Subscription);
        Assert.Equal(h.Hooks.SafetyNetInterval, planner.PollingPeriod(h.State, Watched, h.Clock.GetUtcNow()));
        Assert.Equal(h.Sync.Interval, planner.PollingPeriod(h.State, Watched, h.Clock.GetUtcNow() + h.Hooks.SubscriptionLifetime));
    }

    [Fact]
    public void Lifecycle_events_renew_recreate_or_only_pull()
    {
        var renew = new SubscriptionRecord { SubscriptionId = "s1", RenewAt = DateTimeOffset.MaxValue };
        Assert.True(SubscriptionPlanner.Lifecycle(renew, LifecycleEvents.ReauthorizationRequired, out var pull));
        Assert.True(renew.RenewNow);
        Assert.False(pull);

        var removed = new SubscriptionRecord { SubscriptionId = "s2" };
        Assert.True(SubscriptionPlanner.Lifecycle(removed, LifecycleEvents.SubscriptionRemoved, out pull));
        Assert.Null(removed.SubscriptionId);
        Assert.True(pull);

        var missed = new SubscriptionRecord { SubscriptionId = "s3" };
        Assert.True(SubscriptionPlanner.Lifecycle(missed, LifecycleEvents.Missed, out pull));
        Assert.Equal("s3", missed.SubscriptionId);
        Assert.True(pull);

        Assert.False(SubscriptionPlanner.Lifecycle(missed, "somethingElse", out _));
    }
}
