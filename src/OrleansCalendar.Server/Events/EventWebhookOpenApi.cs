using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// Documents what the service sends: an <c>EventType</c> enum used by the endpoint schemas, and one entry per event
/// type under the document's <c>webhooks</c> (OpenAPI 3.1) with its headers and payload schema.
/// </summary>
public static class EventWebhookOpenApi
{
    private const string EventTypeSchema = "EventType";

    private static readonly string[] EndpointSchemas = ["CreateWebhookEndpointRequest", "UpdateWebhookEndpointRequest", "WebhookEndpointResponse", "CreatedWebhookEndpointResponse"];

    public static OpenApiOptions AddEventWebhookDocs(this OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[EventTypeSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "An event type: appointment changes carry the appointment, connection changes the user's Outlook connection.",
            Enum = EventTypes.All.Select(t => (JsonNode)JsonValue.Create(t)!).ToList(),
        };
        foreach (var name in EndpointSchemas)
        {
            if (schemas.TryGetValue(name, out var schema) && schema.Properties?.TryGetValue("eventTypes", out var types) == true && types is OpenApiSchema list)
            {
                list.Items = new OpenApiSchemaReference(EventTypeSchema, document);
            }
        }

        // The data of each kind of event is what GET shows of the thing, plus one member.
        schemas["AppointmentEventData"] = Extend(new OpenApiSchemaReference("AppointmentResponse", document), "changedBy", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [ChangedBy.Api, ChangedBy.Public, ChangedBy.Outlook],
            Description = "Who made the change: an API caller, a visitor of the public booking page, or two-way sync from Outlook.",
        });
        schemas["ConnectionEventData"] = Extend(new OpenApiSchemaReference("OutlookConnectionDetails", document), "userId",
            new OpenApiSchema { Type = JsonSchemaType.String, Description = "The user whose connection it is." });
        schemas["AppointmentEvent"] = Payload(document, "AppointmentEventData", "An appointment.* event: the appointment after the change.",
            EventTypes.AppointmentCreated, EventTypes.AppointmentRescheduled, EventTypes.AppointmentCancelled);
        schemas["ConnectionEvent"] = Payload(document, "ConnectionEventData", "A connection.* event: the user's Outlook connection after the change.",
            EventTypes.ConnectionConnected, EventTypes.ConnectionNeedsReconnect, EventTypes.ConnectionDisconnected);
        schemas["PingEventData"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Empty." };
        schemas["PingEvent"] = Payload(document, "PingEventData", "The event POST .../test sends.", EventTypes.Ping);

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes.All)
        {
            var payload = type.StartsWith("appointment.", StringComparison.Ordinal) ? "AppointmentEvent"
                : type.StartsWith("connection.", StringComparison.Ordinal) ? "ConnectionEvent"
                : "PingEvent";
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Operation(type, new OpenApiSchemaReference(payload, document)),
                },
            };
        }

        return Task.CompletedTask;
    });

    /// <summary>A request body: <c>{type, timestamp, data}</c> with <paramref name="types"/> as the possible types.</summary>
    private static OpenApiSchema Payload(OpenApiDocument document, string data, string description, params string[] types) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string> { "type", "timestamp", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = types.Select(t => (JsonNode)JsonValue.Create(t)!).ToList() },
            ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the change happened (UTC)." },
            ["data"] = new OpenApiSchemaReference(data, document),
        },
    };

    private static OpenApiOperation Operation(string type, IOpenApiSchema payload) => new()
    {
        OperationId = "Event_" + type.Replace('.', '_'),
        Summary = $"The {type} event, posted to every enabled endpoint that subscribes to it",
        Parameters =
        [
            Header("webhook-id", "The event id (evt_…): the same on every attempt; deduplicate on it."),
            Header("webhook-timestamp", "When this attempt was sent, in Unix seconds."),
            Header("webhook-signature", "v1, and the base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{body}, keyed with the base64-decoded secret after whsec_."),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = payload } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Any 2xx within 15 seconds is success; anything else is retried on the schedule." },
        },
    };

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiSchema Extend(IOpenApiSchema schema, string property, IOpenApiSchema extra) => new()
    {
        AllOf =
        [
            schema,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { property },
                Properties = new Dictionary<string, IOpenApiSchema> { [property] = extra },
            },
        ],
    };
}
