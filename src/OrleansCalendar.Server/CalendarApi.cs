using OrleansCalendar.Server.SubAccounts;
using OrleansCalendar.Server.Users;

namespace OrleansCalendar.Server;

public static class CalendarApi
{
    /// <summary>Maps every versioned REST route. Each feature owns its routes in its own folder.</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        routes.MapSubAccountsApi();
        routes.MapUsersApi();
        return routes;
    }
}
