using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Appointments;
using OrleansCalendar.Server.Connections.Outlook;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// The body of a webhook request, <c>{type, timestamp, data}</c>, rendered with the REST API's own response mapping
/// and JSON options: <c>data</c> is the appointment exactly as <c>GET</c> shows it plus <c>changedBy</c>, or the
/// connection as <c>GET</c> shows it plus <c>userId</c>.
/// </summary>
public sealed class EventPayloads(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IGrainFactory grains)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public async Task<string> RenderAsync(CalendarEvent @event)
    {
        var body = new JsonObject
        {
            ["type"] = @event.Type,
            ["timestamp"] = JsonSerializer.SerializeToNode(ResponseTimes.Utc(@event.Timestamp), Json),
            ["data"] = await DataAsync(@event),
        };
        return body.ToJsonString(Json);
    }

    private async Task<JsonObject> DataAsync(CalendarEvent @event)
    {
        if (@event.Appointment is { } appointment)
        {
            var shown = await AppointmentResponses.ForAsync(grains, appointment.SubAccountId, appointment);
            var data = JsonSerializer.SerializeToNode(shown, Json)!.AsObject();
            data["changedBy"] = @event.ChangedBy;
            return data;
        }

        if (@event.Connection is { } connection)
        {
            var data = JsonSerializer.SerializeToNode(OutlookConnectionApi.Shown(connection), Json)!.AsObject();
            data["userId"] = @event.UserId;
            return data;
        }

        return [];
    }
}
