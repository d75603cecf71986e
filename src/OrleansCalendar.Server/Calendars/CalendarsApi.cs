using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Calendars;

public static class CalendarsApi
{
    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder routes)
    {
        var calendars = SubAccountRoutes.Group(routes, "/calendars").WithTags("Booking calendars");

        calendars.MapPost("/", CreateAsync)
            .WithName("CreateCalendar")
            .WithSummary("Create a booking calendar")
            .WithDescription("Types: personal (one user), roundRobin (one free member per booking, spread evenly), collective (every member), event (not tied to Outlook).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        calendars.MapGet("/", ListAsync)
            .WithName("ListCalendars")
            .WithSummary("List the booking calendars of a sub-account")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        calendars.MapGet("/{cid}", GetAsync)
            .WithName("GetCalendar")
            .WithSummary("Get a booking calendar")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        calendars.MapPatch("/{cid}", UpdateAsync)
            .WithName("UpdateCalendar")
            .WithSummary("Change a booking calendar (fields left out stay as they are)")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        calendars.MapDelete("/{cid}", DeleteAsync)
            .WithName("DeleteCalendar")
            .WithSummary("Delete a booking calendar (its appointments are kept)")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    /// <summary>The calendar grain of a route's ids, after checking the id's shape (a malformed id is simply not found).</summary>
    public static ICalendarGrain Calendar(IGrainFactory grains, string sid, string cid) =>
        Ids.IsWellFormed(cid, Ids.CalendarPrefix)
            ? grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, cid))
            : throw CalendarException.NotFound(ErrorCodes.CalendarNotFound, "The calendar does not exist.");

    /// <summary>The calendar's details, or 404 <c>calendar-not-found</c>.</summary>
    public static async Task<CalendarDetails> FindAsync(IGrainFactory grains, string sid, string cid) =>
        await Calendar(grains, sid, cid).GetAsync()
            ?? throw CalendarException.NotFound(ErrorCodes.CalendarNotFound, "The calendar does not exist.");

    private static async Task<Created<CalendarResponse>> CreateAsync(string sid, CreateCalendarRequest request, IGrainFactory grains)
    {
        var subAccount = grains.GetGrain<ISubAccountGrain>(sid);
        var defaults = CalendarDefinitions.Defaults((await subAccount.GetAsync())!.TimeZone);
        var definition = CalendarDefinitions.Apply(request, defaults, creating: true);
        await EnsureUsersExistAsync(subAccount, definition);

        var cid = Ids.New(Ids.CalendarPrefix);
        var created = await grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, cid)).CreateAsync(definition);
        await grains.GetGrain<ICalendarDirectoryGrain>(cid).RegisterAsync(sid);
        await subAccount.AddCalendarAsync(cid);
        return TypedResults.Created($"/v1/subaccounts/{sid}/calendars/{cid}", CalendarResponse.From(created));
    }

    private static async Task<Ok<Page<CalendarResponse>>> ListAsync(string sid, int? limit, string? cursor, IGrainFactory grains)
    {
        var page = PageRequest.Parse(limit, cursor);
        var ids = await grains.GetGrain<ISubAccountGrain>(sid).ListCalendarsAsync(page.After, page.Limit + 1);
        var details = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, id)).GetAsync()));
        return TypedResults.Ok(page.ToPage(details.Where(d => d is not null).ToList(), d => d!.Id, d => CalendarResponse.From(d!)));
    }

    private static async Task<Ok<CalendarResponse>> GetAsync(string sid, string cid, IGrainFactory grains)
    {
        return TypedResults.Ok(CalendarResponse.From(await FindAsync(grains, sid, cid)));
    }

    private static async Task<Ok<CalendarResponse>> UpdateAsync(string sid, string cid, UpdateCalendarRequest request, IGrainFactory grains)
    {
        var current = await FindAsync(grains, sid, cid);
        var definition = CalendarDefinitions.Apply(request, current.Definition, creating: false);
        await EnsureUsersExistAsync(grains.GetGrain<ISubAccountGrain>(sid), definition);
        return TypedResults.Ok(CalendarResponse.From(await Calendar(grains, sid, cid).UpdateAsync(definition)));
    }

    private static async Task<NoContent> DeleteAsync(string sid, string cid, IGrainFactory grains)
    {
        await Calendar(grains, sid, cid).DeleteAsync();
        await grains.GetGrain<ICalendarDirectoryGrain>(cid).UnregisterAsync();
        await grains.GetGrain<ISubAccountGrain>(sid).RemoveCalendarAsync(cid);
        return TypedResults.NoContent();
    }

    private static async Task EnsureUsersExistAsync(ISubAccountGrain subAccount, CalendarDefinition definition)
    {
        var unknown = await subAccount.FindUnknownUsersAsync(definition.UserIds);
        if (unknown.Count > 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["userIds"] = unknown.Select(u => $"'{u}' is not a user of this sub-account.").ToArray(),
            });
        }
    }
}
