using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
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
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<Page<AppointmentResponse>>> ListAsync(
        string sid, string? start, string? end, string? userId, string? calendarId, int? limit, string? cursor, IGrainFactory grains)
    {
        var (from, to) = QueryValues.TimeRange(start, end, MaxRangeDays);

        var page = PageRequest.Parse(limit, cursor);
        var owners = await OwnersAsync(grains, sid, userId, calendarId);

        // Every appointment holds a reservation on each of its owners: they are the index.
        var reservations = await Task.WhenAll(owners.Select(o =>
            grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(sid, o)).GetReservationsAsync(from, to)));
        var candidates = reservations.SelectMany(r => r)
            .Where(r => calendarId is null || r.CalendarId == calendarId)
            .DistinctBy(r => r.AppointmentId)
            .OrderBy(r => r.Start).ThenBy(r => r.AppointmentId, StringComparer.Ordinal)
            .Select(r => (Key: $"{r.Start.ToUnixTimeMilliseconds():D15}|{r.AppointmentId}", r.AppointmentId))
            .Where(c => page.After is null || string.CompareOrdinal(c.Key, page.After) > 0)
            .Take(page.Limit + 1)
            .ToList();

        var details = await Task.WhenAll(candidates.Select(c => grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(sid, c.AppointmentId)).GetAsync()));
        var rows = candidates.Zip(details).Where(x => x.Second is not null).Select(x => (x.First.Key, Details: x.Second!)).ToList();
        return TypedResults.Ok(page.ToPage(rows, r => r.Key, r => AppointmentResponse.From(r.Details)));
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
