using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Calendars;

/// <summary>
/// Whether a booking calendar's appointments go to Outlook. On by default for personal, round-robin and
/// collective calendars; event calendars are not tied to a person's Outlook and cannot be linked (rule 7).
/// </summary>
public static class LinkedCalendarApi
{
    public static IEndpointRouteBuilder MapLinkedCalendarApi(this IEndpointRouteBuilder routes)
    {
        var linked = SubAccountRoutes.Group(routes, "/calendars/{cid}/linked-calendar").WithTags("Booking calendars");

        linked.MapPut("/", LinkAsync)
            .WithName("LinkCalendarToOutlook")
            .WithSummary("Push this calendar's appointments to members' linked Outlook calendars")
            .WithDescription("422 outlook-unsupported-for-event-calendars for event calendars.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        linked.MapDelete("/", UnlinkAsync)
            .WithName("UnlinkCalendarFromOutlook")
            .WithSummary("Stop pushing this calendar's appointments to Outlook")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Ok<CalendarResponse>> LinkAsync(string sid, string cid, LinkedCalendarRequest request, IGrainFactory grains)
    {
        if (request.Provider != "outlook")
        {
            throw CalendarException.InvalidField("provider", "must be \"outlook\".");
        }

        var current = await CalendarsApi.FindAsync(grains, sid, cid);
        if (current.Definition.Type == CalendarType.Event)
        {
            throw CalendarException.Unprocessable(ErrorCodes.OutlookUnsupportedForEventCalendars,
                "Event calendars are not tied to a person's Outlook and cannot be linked to it.");
        }

        return TypedResults.Ok(CalendarResponse.From(await CalendarsApi.Calendar(grains, sid, cid).UpdateAsync(current.Definition with { OutlookSync = true })));
    }

    private static async Task<NoContent> UnlinkAsync(string sid, string cid, IGrainFactory grains)
    {
        var current = await CalendarsApi.FindAsync(grains, sid, cid);
        await CalendarsApi.Calendar(grains, sid, cid).UpdateAsync(current.Definition with { OutlookSync = false });
        return TypedResults.NoContent();
    }
}
