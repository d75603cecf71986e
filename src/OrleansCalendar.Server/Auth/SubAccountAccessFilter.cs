using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Server.Auth;

/// <summary>
/// Guards every <c>/v1/subaccounts/{sid}/...</c> route: the caller must be the admin or hold that
/// sub-account's key, and the sub-account must exist. Both failures are the same 404, so another
/// tenant's ids are not even confirmed to exist.
/// </summary>
public sealed class SubAccountAccessFilter(SubAccountCache subAccounts) : IEndpointFilter
{
    public const string RouteParameter = "sid";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var sid = context.HttpContext.GetRouteValue(RouteParameter) as string;
        if (sid is null
            || !Ids.IsWellFormed(sid, Ids.SubAccountPrefix)
            || !context.HttpContext.User.CanAccessSubAccount(sid)
            || !await subAccounts.ExistsAsync(sid))
        {
            throw CalendarException.NotFound(ErrorCodes.SubAccountNotFound, "The sub-account does not exist.");
        }

        return await next(context);
    }
}
