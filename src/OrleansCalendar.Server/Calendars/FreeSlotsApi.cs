using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Calendars;

public static class FreeSlotsApi
{
    public const int MaxRangeDays = 31;

    public static IEndpointRouteBuilder MapFreeSlotsApi(this IEndpointRouteBuilder routes)
    {
        SubAccountRoutes.Group(routes, "/calendars/{cid}/free-slots").WithTags("Booking calendars")
            .MapGet("/", GetAsync)
            .WithName("GetFreeSlots")
            .WithSummary("Free slots of a calendar")
            .WithDescription("Inclusive calendar days in timeZone (default: the calendar's). Answered from the service's own state: never waits on Microsoft.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>Validates the query shared by the tenant and the public free-slot routes.</summary>
    public static FreeSlotsQuery ParseQuery(string? start, string? end, string? timeZone, string? userId)
    {
        var v = new RequestValidator();
        var startDate = v.RequiredDate("start", start);
        var endDate = v.RequiredDate("end", end);
        var zone = timeZone is null ? null : v.RequiredTimeZone("timeZone", timeZone)?.Id;
        v.ThrowIfInvalid();
        if (endDate < startDate)
        {
            v.Add("end", "must not be before start.");
            v.ThrowIfInvalid();
        }

        if (endDate.DayNumber - startDate.DayNumber + 1 > MaxRangeDays)
        {
            throw CalendarException.Invalid(ErrorCodes.RangeTooLarge, $"A free-slot query covers at most {MaxRangeDays} days.");
        }

        return new FreeSlotsQuery(startDate, endDate, zone, userId);
    }

    private static async Task<CachedJson<FreeSlots>> GetAsync(string sid, string cid, [Required, Description("First day, yyyy-MM-dd, in timeZone.")] string? start, [Required, Description("Last day (inclusive), yyyy-MM-dd.")] string? end, string? timeZone, string? userId, IGrainFactory grains)
    {
        var query = ParseQuery(start, end, timeZone, userId);
        // Slot times come in the zone the days are grouped by (the calendar grain writes them so, see ResponseTimes).
        return new CachedJson<FreeSlots>(await CalendarsApi.Calendar(grains, sid, cid).GetFreeSlotsAsync(query));
    }
}
