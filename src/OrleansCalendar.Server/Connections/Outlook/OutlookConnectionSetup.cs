using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Server.Connections.Outlook;

public static class OutlookConnectionSetup
{
    /// <summary>The Graph adapter (identity platform, Graph SDK, resilience), the redirect URI builder and sync settings.</summary>
    public static IServiceCollection AddOutlookConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutlook(configuration);
        services.AddSingleton<OAuthRedirects>();
        services.AddOptions<SyncOptions>()
            .Bind(configuration.GetSection(SyncOptions.Section))
            .Validate(o => o.Problem() is null, "Invalid Sync__* settings: Sync__IntervalSeconds >= 1, Sync__WindowDays 1..365, 0 < Sync__PushRetryDelay <= Sync__MaxPushRetryDelay.")
            .ValidateOnStart();
        services.AddHostedService<OutlookSyncWakeUp>();
        return services;
    }
}
