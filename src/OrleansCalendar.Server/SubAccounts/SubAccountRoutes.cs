using OrleansCalendar.Server.Auth;

namespace OrleansCalendar.Server.SubAccounts;

/// <summary>The <c>/v1/subaccounts/{sid}</c> group every tenant-scoped feature maps into.</summary>
public static class SubAccountRoutes
{
    public const string Prefix = "/v1/subaccounts/{sid}";

    /// <summary>A group under the sub-account, authenticated and guarded by <see cref="SubAccountAccessFilter"/>.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder routes, string suffix = "") =>
        routes.MapGroup(Prefix + suffix)
            .RequireAuthorization()
            .AddEndpointFilter<SubAccountAccessFilter>();
}
