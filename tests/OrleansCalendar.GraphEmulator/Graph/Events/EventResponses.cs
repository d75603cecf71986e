using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Users;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Renders events for a request, with the organizer taken from the event's calendar.</summary>
internal sealed class EventResponses(HttpContext context, GraphEmulatorState state, MailboxData mailbox)
{
    private readonly Dictionary<string, (string Name, string Address)> _owners = new(StringComparer.Ordinal);

    public EventRenderOptions Options { get; } = EventRenderOptions.From(context, ODataQuery.From(context.Request));

    public JsonObject Write(EventInstance instance)
    {
        var (name, address) = Owner(instance.Data.CalendarId);
        return EventJson.Write(instance, Options, name, address);
    }

    public IResult Single(EventInstance instance, int statusCode = StatusCodes.Status200OK)
    {
        var body = Write(instance);
        body.Insert(0, "@odata.context", GraphPaging.MetadataContext(context, $"users('{mailbox.Id}')/events/$entity"));
        return GraphResponses.Json(body, statusCode);
    }

    public IResult Page(IReadOnlyList<EventInstance> instances, string contextFragment) =>
        GraphResponses.Json(GraphPaging.Page(
            context,
            GraphPaging.MetadataContext(context, $"users('{mailbox.Id}')/{contextFragment}"),
            instances,
            Write,
            Options.Query,
            state.Options));

    private (string Name, string Address) Owner(string calendarId)
    {
        if (!_owners.TryGetValue(calendarId, out var owner))
        {
            var calendar = state.Mailboxes.FindCalendar(mailbox.Id, calendarId);
            owner = calendar is null ? (mailbox.DisplayName, mailbox.Email) : (calendar.OwnerName, calendar.OwnerAddress);
            _owners[calendarId] = owner;
        }

        return owner;
    }
}
