using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Appointments;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// The body of a webhook request, <c>{type, timestamp, data}</c>, rendered with the REST API's own response mapping
/// and JSON options: <c>data</c> is the appointment exactly as <c>GET</c> shows it plus <c>changedBy</c>, or the
/// connection as <c>GET</c> shows it plus <c>userId</c>.
/// </summary>
public sealed class EventPayloads(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public string Render(CalendarEvent @event)
    {
        var body = new JsonObject
        {
            ["type"] = @event.Type,
            ["timestamp"] = JsonSerializer.SerializeToNode(@event.Timestamp, Json),
            ["data"] = Data(@event),
        };
        return body.ToJsonString(Json);
    }

    private JsonObject Data(CalendarEvent @event)
    {
        if (@event.Appointment is { } appointment)
        {
            var data = JsonSerializer.SerializeToNode(AppointmentResponse.From(appointment), Json)!.AsObject();
            data["changedBy"] = @event.ChangedBy;
            return data;
        }

        if (@event.Connection is { } connection)
        {
            var data = JsonSerializer.SerializeToNode(connection, Json)!.AsObject();
            data["userId"] = @event.UserId;
            return data;
        }

        return [];
    }
}
