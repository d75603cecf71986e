using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;
using OrleansCalendar.Server.Users;

namespace OrleansCalendar.Server.Availability;

public static class BusyApi
{
    private const int MaxRangeDays = 366;

    public static IEndpointRouteBuilder MapBusyApi(this IEndpointRouteBuilder routes)
    {
        SubAccountRoutes.Group(routes, "/users/{uid}/busy").WithTags("Availability")
            .MapGet("/", GetAsync)
            .WithName("GetBusyView")
            .WithSummary("A user's busy time from appointments and Outlook, merged per source")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<BusyViewResponse>> GetAsync(string sid, string uid, [Required, Description("ISO 8601 with an offset.")] string? start, [Required, Description("ISO 8601 with an offset; after start.")] string? end, IGrainFactory grains)
    {
        var (from, to) = QueryValues.TimeRange(start, end, MaxRangeDays);

        var user = await UserRoutes.FindUserAsync(grains, sid, uid);

        var intervals = await grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(sid, uid)).GetBusyViewAsync(from, to);
        return TypedResults.Ok(new BusyViewResponse(intervals
            .Select(i => i with { Start = ResponseTimes.InZone(i.Start, user.TimeZone), End = ResponseTimes.InZone(i.End, user.TimeZone) })
            .ToList()));
    }
}
