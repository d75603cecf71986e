using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// The RFC 9457 problem every error answers with, as the document describes it: the standard members, the stable
/// <c>code</c> clients branch on (an enum of every code, each with its meaning), the <c>traceId</c> for support,
/// and <c>errors</c> per field on validation failures.
/// </summary>
public static class ProblemSchema
{
    public const string ComponentName = "ProblemDetails";
    public const string CodeComponentName = "ErrorCode";
    private const string ValidationComponentName = "HttpValidationProblemDetails";

    /// <summary>
    /// Puts the problem schema and the code enum into the document's components, in place of the framework's
    /// ProblemDetails (which knows nothing of the members the service adds) and its validation variant.
    /// </summary>
    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas[CodeComponentName] = Codes();
        schemas[ComponentName] = Create(document);
        if (schemas.ContainsKey(ValidationComponentName))
        {
            schemas[ValidationComponentName] = Create(document);
        }
    }

    private static OpenApiSchema Create(OpenApiDocument document)
    {
        var schema = new OpenApiSchema();
        schema.Type = JsonSchemaType.Object;
        schema.Description = "An RFC 9457 problem. Branch on `code`; `title` and `detail` are for people.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI reference for the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "What went wrong in this case.",

                // Generated clients (Kiota) make it their exception's message.
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { ["x-ms-primary-error-message"] = new JsonNodeExtension(true) },
            },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request the problem is about." },
            ["code"] = new OpenApiSchemaReference(CodeComponentName, document),
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Identifies this request in the server's logs and traces." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation failures (`validation-failed`, `malformed-json`): messages per field, by the JSON path of the field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        schema.Required = new HashSet<string>(["status", "title", "code", "traceId"], StringComparer.Ordinal);

        // Extension members may follow (RFC 9457 §3.2).
        schema.AdditionalPropertiesAllowed = true;
        return schema;
    }

    /// <summary>The <c>code</c> enum: every code the service can answer with, each with its meaning.</summary>
    private static OpenApiSchema Codes()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = ErrorCodeMeanings.Codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
        };
        EnumDescriptions.Apply(schema, "The stable, machine-readable error code. Codes are never renamed; new ones may be added.",
            ErrorCodeMeanings.Codes.Select(code => (code, ErrorCodeMeanings.Of(code) ?? "(not described)")));
        return schema;
    }
}
