using OrleansCalendar.Outlook;

namespace OrleansCalendar.Server.Connections.Outlook;

public static class OutlookConnectionSetup
{
    /// <summary>The Graph adapter (identity platform, Graph SDK, resilience) and the redirect URI builder.</summary>
    public static IServiceCollection AddOutlookConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutlook(configuration);
        services.AddSingleton<OAuthRedirects>();
        return services;
    }
}
