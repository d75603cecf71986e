using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>
/// Events of a calendar: list, create (with <c>transactionId</c> de-duplication), get, update and delete,
/// by <c>/events/{id}</c> or <c>/calendars/{cid}/events/{id}</c>, plus a series' <c>instances</c>.
/// </summary>
internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder user)
    {
        user.MapGet("/events", (HttpContext c, GraphEmulatorState s) => List(c, s, null));
        user.MapGet("/calendars/{calendarId}/events", List);
        user.MapPost("/events", (HttpContext c, GraphEmulatorState s) => CreateAsync(c, s, null));
        user.MapPost("/calendars/{calendarId}/events", CreateAsync);

        user.MapGet("/events/{eventId}", (HttpContext c, GraphEmulatorState s, string eventId) => Get(c, s, null, eventId));
        user.MapGet("/calendars/{calendarId}/events/{eventId}", Get);
        user.MapPatch("/events/{eventId}", (HttpContext c, GraphEmulatorState s, string eventId) => UpdateAsync(c, s, null, eventId));
        user.MapPatch("/calendars/{calendarId}/events/{eventId}", UpdateAsync);
        user.MapDelete("/events/{eventId}", (HttpContext c, GraphEmulatorState s, string eventId) => Delete(c, s, null, eventId));
        user.MapDelete("/calendars/{calendarId}/events/{eventId}", Delete);

        user.MapGet("/events/{eventId}/instances", Instances);
        return user;
    }

    private static IResult List(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var calendar = CalendarEndpoints.Resolve(context, state, calendarId);
        var caller = GraphAuthentication.CallerOf(context);
        var responses = new EventResponses(context, state, caller.Mailbox);
        var items = state.Mailboxes.StoredEvents(caller.Mailbox.Id, calendar.Id).Select(EventInstance.Of).ToList();
        return responses.Page(
            EventListQuery.Apply(items, responses.Options.Query),
            calendarId is null ? "events" : $"calendars('{calendar.Id}')/events");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, GraphEmulatorState state, string? calendarId)
    {
        var caller = GraphAuthentication.CallerOf(context);
        var calendar = CalendarEndpoints.Resolve(context, state, calendarId);
        caller.RequireCalendarWrite();
        if (!calendar.CanEdit)
        {
            throw GraphErrorException.AccessDenied();
        }

        var input = EventJsonReader.Read(await GraphRequestBody.ReadAsync(context));
        var (created, _) = state.Mailboxes.CreateEvent(caller.Mailbox.Id, calendar.Id, input);
        return new EventResponses(context, state, caller.Mailbox).Single(EventInstance.Of(created), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, GraphEmulatorState state, string? calendarId, string eventId)
    {
        var (caller, instance) = Find(context, state, calendarId, eventId);
        return new EventResponses(context, state, caller.Mailbox).Single(instance);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, GraphEmulatorState state, string? calendarId, string eventId)
    {
        var (caller, instance) = FindWritable(context, state, calendarId, eventId);
        var input = EventJsonReader.Read(await GraphRequestBody.ReadAsync(context));
        var updated = state.Mailboxes.UpdateEvent(caller.Mailbox.Id, instance.Id, input, calendarId);
        return new EventResponses(context, state, caller.Mailbox).Single(updated);
    }

    private static IResult Delete(HttpContext context, GraphEmulatorState state, string? calendarId, string eventId)
    {
        var (caller, instance) = FindWritable(context, state, calendarId, eventId);
        state.Mailboxes.DeleteEvent(caller.Mailbox.Id, instance.Id, calendarId);
        return Results.NoContent();
    }

    private static IResult Instances(HttpContext context, GraphEmulatorState state, string eventId)
    {
        var (caller, master) = Find(context, state, null, eventId);
        var (startUtc, endUtc) = TimeWindow.From(context.Request);
        var responses = new EventResponses(context, state, caller.Mailbox);
        var (instances, _) = state.Mailboxes.View(caller.Mailbox.Id, master.Data.CalendarId, startUtc, endUtc, master.Id);
        return responses.Page(EventListQuery.Apply(instances, responses.Options.Query), $"events('{master.Id}')/instances");
    }

    private static (GraphCaller Caller, EventInstance Instance) Find(
        HttpContext context, GraphEmulatorState state, string? calendarId, string eventId)
    {
        var caller = GraphAuthentication.CallerOf(context);
        caller.RequireCalendarRead();
        if (calendarId is not null)
        {
            _ = CalendarEndpoints.Resolve(context, state, calendarId);
        }

        var instance = state.Mailboxes.FindInstance(caller.Mailbox.Id, eventId, calendarId) ?? throw GraphErrorException.NotFound();
        return (caller, instance);
    }

    private static (GraphCaller Caller, EventInstance Instance) FindWritable(
        HttpContext context, GraphEmulatorState state, string? calendarId, string eventId)
    {
        var (caller, instance) = Find(context, state, calendarId, eventId);
        caller.RequireCalendarWrite();
        if (state.Mailboxes.FindCalendar(caller.Mailbox.Id, instance.Data.CalendarId) is not { CanEdit: true })
        {
            throw GraphErrorException.AccessDenied();
        }

        return (caller, instance);
    }
}
