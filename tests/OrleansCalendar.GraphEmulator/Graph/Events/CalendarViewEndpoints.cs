using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary><c>GET /me/calendarView</c> and <c>/me/calendars/{id}/calendarView</c>: instances in a window, recurrences expanded.</summary>
internal static class CalendarViewEndpoints
{
    public static RouteGroupBuilder MapCalendarViewEndpoints(this RouteGroupBuilder user)
    {
        user.MapGet("/calendarView", (HttpContext c, GraphEmulatorState s) => View(c, s, null));
        user.MapGet("/calendars/{calendarId}/calendarView", View);
        return user;
    }

    private static IResult View(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var calendar = CalendarEndpoints.Resolve(context, state, calendarId);
        var (startUtc, endUtc) = TimeWindow.From(context.Request);
        var caller = GraphAuthentication.CallerOf(context);
        var responses = new EventResponses(context, state, caller.Mailbox);
        var (instances, _) = state.Mailboxes.View(caller.Mailbox.Id, calendar.Id, startUtc, endUtc);
        return responses.Page(
            EventListQuery.Apply(instances, responses.Options.Query),
            calendarId is null ? "calendarView" : $"calendars('{calendar.Id}')/calendarView");
    }
}
