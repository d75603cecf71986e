using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Calendars;

/// <summary>
/// The availability troubleshooter: why each time of a day can or cannot be booked. Sub-account routes only; the public
/// routes never say who is busy or why.
/// </summary>
public static class AvailabilityTroubleshooterApi
{
    public static IEndpointRouteBuilder MapAvailabilityTroubleshooterApi(this IEndpointRouteBuilder routes)
    {
        SubAccountRoutes.Group(routes, "/calendars/{cid}/availability").WithTags("Booking calendars")
            .MapGet("/", GetAsync)
            .WithName("GetAvailability")
            .WithSummary("Why each time of a day can or cannot be booked")
            .WithDescription("Every slot of the day with `bookable` (exactly when free-slots offers it) and, when it is not, every reason: " +
                "hours, notice, booking window, appointments and their buffers, Outlook events, and which member of a team calendar is busy. " +
                "Answered from the service's own state, like free slots: never waits on Microsoft.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Ok<AvailabilityExplanation>> GetAsync(
        string sid,
        string cid,
        [Required, Description("The day, yyyy-MM-dd, in timeZone.")] string? date,
        [Description("An IANA time zone the day and every time are given in; default the calendar's.")] string? timeZone,
        [Description("Explain for one member (every member of a collective calendar must still be free).")] string? userId,
        IGrainFactory grains)
    {
        var v = new RequestValidator();
        var day = v.RequiredDate("date", date);
        var zone = timeZone is null ? null : v.RequiredTimeZone("timeZone", timeZone)?.Id;
        v.ThrowIfInvalid();

        // Times come in the zone the day is given in (the calendar grain writes them so, see ResponseTimes).
        return TypedResults.Ok(await CalendarsApi.Calendar(grains, sid, cid).ExplainAvailabilityAsync(new AvailabilityQuery(day, zone, userId)));
    }
}
