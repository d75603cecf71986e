using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Calendars;

/// <summary><c>GET /me/calendars</c>, <c>GET /me/calendars/{id}</c> and <c>GET /me/calendar</c>.</summary>
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder user)
    {
        user.MapGet("/calendars", List);
        user.MapGet("/calendars/{calendarId}", Get);
        user.MapGet("/calendar", GetDefault);
        return user;
    }

    /// <summary>The caller's calendar, or 404 <c>ErrorItemNotFound</c>; checks read permission.</summary>
    public static CalendarData Resolve(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var caller = GraphAuthentication.CallerOf(context);
        caller.RequireCalendarRead();
        return calendarId is null
            ? state.Mailboxes.DefaultCalendar(caller.Mailbox.Id)
            : state.Mailboxes.FindCalendar(caller.Mailbox.Id, calendarId) ?? throw GraphErrorException.NotFound();
    }

    private static IResult List(HttpContext context, GraphEmulatorState state)
    {
        var caller = GraphAuthentication.CallerOf(context);
        caller.RequireCalendarRead();
        var query = ODataQuery.From(context.Request);
        if (query.Filter is not null || query.OrderBy is not null || query.Search is not null)
        {
            throw new GraphErrorException(400, "BadRequest", "The emulator does not support $filter, $orderby or $search on calendars.");
        }

        var calendars = state.Mailboxes.Calendars(caller.Mailbox.Id);
        return GraphResponses.Json(GraphPaging.Page(
            context,
            GraphPaging.MetadataContext(context, $"users('{caller.Mailbox.Id}')/calendars"),
            calendars,
            c => query.ApplySelect(CalendarJson.Write(c)),
            query,
            state.Options));
    }

    private static IResult Get(HttpContext context, GraphEmulatorState state, string calendarId) =>
        Single(context, state, calendarId);

    private static IResult GetDefault(HttpContext context, GraphEmulatorState state) => Single(context, state, null);

    private static IResult Single(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var calendar = Resolve(context, state, calendarId);
        var body = ODataQuery.From(context.Request).ApplySelect(CalendarJson.Write(calendar));
        body.Insert(0, "@odata.context", GraphPaging.MetadataContext(context, $"users('{calendar.MailboxId}')/calendars/$entity"));
        return GraphResponses.Json(body);
    }
}
