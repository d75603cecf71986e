using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Appointments;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// Documents what the service sends: an <c>EventType</c> enum used by the endpoint schemas, and one entry per event
/// type under the document's <c>webhooks</c> (OpenAPI 3.1) with its headers and payload schema.
/// </summary>
public static class EventWebhookOpenApi
{
    private const string EventTypeSchema = "EventType";

    private static readonly string[] EndpointSchemas = ["CreateWebhookEndpointRequest", "UpdateWebhookEndpointRequest", "WebhookEndpointResponse", "CreatedWebhookEndpointResponse"];

    public static OpenApiOptions AddEventWebhookDocs(this OpenApiOptions options) => options.AddDocumentTransformer(async (document, context, cancellationToken) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EventTypeSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "An event type: appointment changes carry the appointment, connection changes the user's Outlook connection.",
            Enum = EventTypes.All.Select(t => (JsonNode)JsonValue.Create(t)!).ToList(),
        };
        foreach (var name in EndpointSchemas)
        {
            if (document.Components.Schemas.TryGetValue(name, out var schema) && schema.Properties?.TryGetValue("eventTypes", out var types) == true && types is OpenApiSchema list)
            {
                list.Items = new OpenApiSchemaReference(EventTypeSchema, document);
            }
        }

        var appointment = await context.GetOrCreateSchemaAsync(typeof(AppointmentResponse), cancellationToken: cancellationToken);
        var connection = await context.GetOrCreateSchemaAsync(typeof(OutlookConnectionDetails), cancellationToken: cancellationToken);
        document.Components.Schemas["AppointmentEventData"] = Extend(appointment, "changedBy", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [ChangedBy.Api, ChangedBy.Public, ChangedBy.Outlook],
            Description = "Who made the change: an API caller, a visitor of the public booking page, or two-way sync from Outlook.",
        });
        document.Components.Schemas["ConnectionEventData"] = Extend(connection, "userId", new OpenApiSchema { Type = JsonSchemaType.String, Description = "The user whose connection it is." });
        document.Components.Schemas["PingEventData"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Empty." };

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes.All)
        {
            var data = type.StartsWith("appointment.", StringComparison.Ordinal) ? "AppointmentEventData"
                : type.StartsWith("connection.", StringComparison.Ordinal) ? "ConnectionEventData"
                : "PingEventData";
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Operation(type, new OpenApiSchemaReference(data, document)),
                },
            };
        }
    });

    private static OpenApiOperation Operation(string type, IOpenApiSchema data) => new()
    {
        OperationId = "Event_" + type.Replace('.', '_'),
        Summary = $"The {type} event, posted to every enabled endpoint that subscribes to it",
        Tags = new HashSet<OpenApiTagReference>(),
        Parameters =
        [
            Header("webhook-id", "The event id (evt_…): the same on every attempt; deduplicate on it."),
            Header("webhook-timestamp", "When this attempt was sent, in Unix seconds."),
            Header("webhook-signature", "v1, and the base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{body}, keyed with the base64-decoded secret after whsec_."),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "type", "timestamp", "data" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)!] },
                            ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the change happened." },
                            ["data"] = data,
                        },
                    },
                },
            },
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
