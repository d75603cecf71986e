using System.Text.Json;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Creating_a_subscription_validates_both_urls_and_a_later_change_is_notified_with_the_clientState()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var listener = await WebhookListener.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        var subscription = await graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = listener.NotificationUrl,
            LifecycleNotificationUrl = listener.LifecycleUrl,
            Resource = $"me/calendars/{adele.DefaultCalendarId}/events",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(2),
            ClientState = "client-secret-state",
        });

        Assert.Equal(2, listener.ValidationTokens.Count);
        Assert.All(listener.ValidationTokens, t => Assert.StartsWith("Validation: Testing client application reachability", t, StringComparison.Ordinal));
        Assert.Equal(emulator.ClientId, subscription!.ApplicationId);
        Assert.Equal(adele.Id, subscription.CreatorId);
        Assert.Equal("v1_2", subscription.LatestSupportedTlsVersion);

        var created = emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Dentist", new DateTime(2026, 12, 1, 14, 0, 0), new DateTime(2026, 12, 1, 15, 0, 0)));
        var delivery = await emulator.Control.WaitForDeliveryAsync(d => d.SubscriptionId == subscription.Id && d.Completed);

        Assert.True(delivery.Succeeded);
        Assert.Equal(202, delivery.StatusCode);
        var notification = Assert.Single(listener.Notifications).GetProperty("value")[0];
        Assert.Equal("client-secret-state", notification.GetProperty("clientState").GetString());
        Assert.Equal("created", notification.GetProperty("changeType").GetString());
        Assert.Equal(subscription.Id, notification.GetProperty("subscriptionId").GetString());
        Assert.Equal($"Users/{adele.Id}/Events/{created.Id}", notification.GetProperty("resource").GetString());
        Assert.Equal(created.Id, notification.GetProperty("resourceData").GetProperty("id").GetString());
        Assert.Equal("#Microsoft.Graph.Event", notification.GetProperty("resourceData").GetProperty("@odata.type").GetString());
        Assert.Equal(emulator.TenantId, notification.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Endpoint_that_does_not_echo_the_validation_token_is_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var listener = await WebhookListener.StartAsync();
        listener.EchoValidationToken = false;
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = listener.NotificationUrl,
            Resource = "me/events",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("validationToken", error.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Control.ListSubscriptions(adele.Id));
    }

    [Fact]
    public async Task Expiration_beyond_10080_minutes_is_rejected_with_400()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var listener = await WebhookListener.StartAsync();
        var (graph, _) = GraphClients.ForNewMailbox(emulator);

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = listener.NotificationUrl,
            Resource = "me/events",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddMinutes(10081),
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("10080 minutes", error.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(listener.ValidationTokens);
    }

    [Fact]
    public async Task Lifecycle_notification_reaches_the_lifecycle_url_and_renewal_extends_expiration()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var listener = await WebhookListener.StartAsync();
        var (graph, _) = GraphClients.ForNewMailbox(emulator);
        var subscription = await graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "updated",
            NotificationUrl = listener.NotificationUrl,
            LifecycleNotificationUrl = listener.LifecycleUrl,
            Resource = "me/events",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
            ClientState = "state",
        });

        var delivery = await emulator.Control.SendLifecycleNotificationAsync(subscription!.Id!, "reauthorizationRequired");
        var renewed = await graph.Subscriptions[subscription.Id].PatchAsync(new Subscription { ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(3) });

        Assert.True(delivery.Succeeded);
        Assert.Equal(listener.LifecycleUrl, delivery.Url);
        var lifecycle = Assert.Single(listener.Notifications).GetProperty("value")[0];
        Assert.Equal("reauthorizationRequired", lifecycle.GetProperty("lifecycleEvent").GetString());
        Assert.Equal("state", lifecycle.GetProperty("clientState").GetString());
        Assert.True(renewed!.ExpirationDateTime > DateTimeOffset.UtcNow.AddDays(2));
    }

    [Fact]
    public async Task Expired_subscription_sends_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var listener = await WebhookListener.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var subscription = await graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = listener.NotificationUrl,
            Resource = "me/events",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
        });

        emulator.Control.ExpireSubscription(subscription!.Id!);
        emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Unseen", new DateTime(2026, 12, 1, 14, 0, 0), new DateTime(2026, 12, 1, 15, 0, 0)));
        await emulator.Control.WaitForPendingDeliveriesAsync();

        Assert.Empty(emulator.Control.ListDeliveries(subscription.Id));
        Assert.Empty(listener.Notifications);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions[subscription.Id].GetAsync());
        Assert.Equal(404, gone.ResponseStatusCode);
    }

    [Fact]
    public async Task Unreachable_subscriber_is_retried_and_each_failure_recorded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        string notificationUrl;
        string subscriptionId;
        await using (var listener = await WebhookListener.StartAsync())
        {
            notificationUrl = listener.NotificationUrl;
            subscriptionId = (await graph.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = "created",
                NotificationUrl = notificationUrl,
                Resource = $"me/calendars/{adele.DefaultCalendarId}/events",
                ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
            }))!.Id!;
        }

        emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Lost", new DateTime(2026, 12, 1, 14, 0, 0), new DateTime(2026, 12, 1, 15, 0, 0)));
        var delivery = await emulator.Control.WaitForDeliveryAsync(d => d.SubscriptionId == subscriptionId && d.Completed);

        Assert.False(delivery.Succeeded);
        Assert.Equal([0, 0, 0], delivery.AttemptStatusCodes);
        Assert.Equal(notificationUrl, delivery.Url);
        Assert.Equal("created", JsonDocument.Parse(delivery.Body).RootElement.GetProperty("value")[0].GetProperty("changeType").GetString());
    }
}
