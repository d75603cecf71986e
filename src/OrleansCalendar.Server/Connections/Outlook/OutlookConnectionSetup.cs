using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Server.WakeUp;
using OrleansCalendar.Server.Hosting;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Server.Connections.Outlook;

public static class OutlookConnectionSetup
{
    /// <summary>The Graph adapter (identity platform, Graph SDK), the redirect URI builder, sync and webhook settings, the wake-up of integrations.</summary>
    public static IServiceCollection AddOutlookConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutlook(configuration);
        services.AddSingleton<OAuthRedirects>();
        services.AddOptions<SyncOptions>()
            .Bind(configuration.GetSection(SyncOptions.Section))
            .Validate(o => o.Problem() is null, "Invalid Sync__* settings: Sync__IntervalSeconds >= 1, Sync__WindowDays 1..365, 0 < Sync__PushRetryDelay <= Sync__MaxPushRetryDelay, 0 < Sync__TurnBudget <= 00:00:12.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Configure<IOptions<ServerOptions>>((webhooks, server) => webhooks.NotificationBaseUrl ??= server.Value.PublicBaseUrl)
            .Validate(o => o.Problem() is null, "Invalid Webhooks__* settings: SubscriptionLifetime between 2 s and 7 days, CoalesceWindow 0..1 min, SafetyNetIntervalSeconds >= 1, Server__PublicBaseUrl absolute http(s).")
            .ValidateOnStart();
        services.AddWakeUpTarget(new WakeUpTarget(
            OutlookIntegrationGrain.WakeUpKind,
            OutlookIntegrationGrain.ReminderName,
            (grains, key) => grains.GetGrain<IOutlookIntegrationGrain>(key).WakeAsync(),
            grains => grains.GetGrain<IOutlookSyncDirectoryGrain>("all").HandOverAsync(OutlookIntegrationGrain.WakeUpKind)));
        return services;
    }
}
