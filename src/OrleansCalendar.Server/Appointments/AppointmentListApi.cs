using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Appointments;

public static class AppointmentListApi
{
    private const int MaxRangeDays = 366;

    public static IEndpointRouteBuilder MapAppointmentListApi(this IEndpointRouteBuilder routes)
    {
        SubAccountRoutes.Group(routes, "/appointments").WithTags("Appointments")
            .MapGet("/", ListAsync)
            .WithName("ListAppointments")
            .WithSummary("Appointments overlapping a time range, optionally for one user or calendar")
            .WithDescription("Any range of up to 366 days, at any age; cancelled appointments are listed too (status cancelled). " +
                "Ordered by start, then id.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<Page<AppointmentResponse>>> ListAsync(
        string sid, [Required, Description("ISO 8601 with an offset.")] string? start, [Required, Description("ISO 8601 with an offset; after start.")] string? end, string? userId, string? calendarId, int? limit, string? cursor,
        IGrainFactory grains, TimeProvider clock)
    {
        var (from, to) = QueryValues.TimeRange(start, end, MaxRangeDays);
        var page = PageRequest.Parse(limit, cursor);
        var owners = await OwnersAsync(grains, sid, userId, calendarId);
        var index = new AppointmentIndex(grains, sid, clock.GetUtcNow());
        var rows = new List<(string Key, AppointmentDetails Details)>();
        await foreach (var row in index.ListAsync(owners, from, to, calendarId, page.After))
        {
            rows.Add(row);
            if (rows.Count > page.Limit)
            {
                break;
            }
        }

        var responses = await AppointmentResponses.ForAsync(grains, sid, rows.Select(r => r.Details).ToList());
        return TypedResults.Ok(page.ToPage(rows.Zip(responses).ToList(), r => r.First.Key, r => r.Second));
    }

    private static async Task<IReadOnlyList<string>> OwnersAsync(IGrainFactory grains, string sid, string? userId, string? calendarId)
    {
        if (userId is not null)
        {
            return [userId];
        }

        var subAccount = grains.GetGrain<ISubAccountGrain>(sid);
        if (calendarId is not null)
        {
            var calendar = await grains.GetGrain<Abstractions.Calendars.ICalendarGrain>(GrainKeys.Scoped(sid, calendarId)).GetAsync();
            return calendar is null ? [] : calendar.Definition.UserIds.Count == 0 ? [calendarId] : calendar.Definition.UserIds;
        }

        // Users, plus calendars without members (their appointments are held on the calendar itself).
        var users = await subAccount.ListUsersAsync(null, int.MaxValue);
        var calendars = await subAccount.ListCalendarsAsync(null, int.MaxValue);
        return [.. users.Select(u => u.Id), .. calendars];
    }
}
