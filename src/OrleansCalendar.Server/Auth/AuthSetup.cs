using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication;

namespace OrleansCalendar.Server.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddCalendarAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<AdminKeyStore>();
        services.AddSingleton<SubAccountCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SubAccountAccessFilter>();
        services.AddAuthentication(CallerClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerClaims.Scheme, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(CallerClaims.AdminPolicy, p => p.RequireRole(CallerClaims.AdminRole));
        return services;
    }
}
