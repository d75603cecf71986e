using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using OrleansCalendar.Server.Appointments;
using OrleansCalendar.Server.Auth;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// Declares, for every operation, the answers that come from the pipeline rather than from its handler, so a new
/// route gets them without anyone remembering: 401 without a key, 403 on admin routes, 404 for a sub-account the key
/// cannot reach, 400/415 for a body or query that cannot be read, 429 on rate-limited routes, 503 wherever grains
/// are called; <c>Retry-After</c> on every 429 and 503, <c>Location</c> on every 201, and the idempotency headers on
/// routes that take an <c>Idempotency-Key</c>. Every error answer is problem+json.
/// </summary>
public sealed class StandardResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is invalid: `validation-failed` (see `errors`), `malformed-json`, `malformed-request` or a route-specific code.",
        [StatusCodes.Status401Unauthorized] = "`unauthorized`: no API key, or an unknown one.",
        [StatusCodes.Status403Forbidden] = "`admin-key-required`: the operation needs the admin key.",
        [StatusCodes.Status404NotFound] = "Not found (`subaccount-not-found` when the key cannot reach the sub-account, or the resource's own code).",
        [StatusCodes.Status409Conflict] = "Conflict with the current state.",
        [StatusCodes.Status415UnsupportedMediaType] = "`unsupported-media-type`: the body must be application/json.",
        [StatusCodes.Status422UnprocessableEntity] = "The request is well formed but breaks a product rule.",
        [StatusCodes.Status429TooManyRequests] = "`rate-limited`: too many requests from this address; retry after `Retry-After` seconds.",
        [StatusCodes.Status503ServiceUnavailable] = "`temporarily-unavailable`: storage is not answering or work is moving between servers; retry after `Retry-After` seconds.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = context.Description.RelativePath ?? "";
        var responses = operation.Responses ??= new OpenApiResponses();
        var document = context.Document;

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var idempotent = operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name == IdempotentBooking.Header);
        if (!anonymous && metadata.OfType<IAuthorizeData>().Any())
        {
            Problem(responses, StatusCodes.Status401Unauthorized, document);
        }

        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == CallerClaims.AdminPolicy))
        {
            Problem(responses, StatusCodes.Status403Forbidden, document);
        }

        if (path.Contains("{" + SubAccountAccessFilter.RouteParameter + "}", StringComparison.Ordinal))
        {
            Problem(responses, StatusCodes.Status404NotFound, document);
        }

        if (operation.RequestBody is not null || idempotent is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            Problem(responses, StatusCodes.Status400BadRequest, document);
        }

        if (operation.RequestBody?.Content?.ContainsKey("application/json") == true)
        {
            Problem(responses, StatusCodes.Status415UnsupportedMediaType, document);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Problem(responses, StatusCodes.Status429TooManyRequests, document);
        }

        if (path.StartsWith("v1/", StringComparison.Ordinal))
        {
            Problem(responses, StatusCodes.Status503ServiceUnavailable, document);
        }

        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            if (concrete.Description == ReasonPhrases.GetReasonPhrase(code) && Descriptions.TryGetValue(code, out var description))
            {
                concrete.Description = description;
            }

            if (concrete.Content?.ContainsKey(ProblemJson) != true)
            {
                AddSuccessHeaders(concrete, status, idempotent is not null);
                continue;
            }

            if (status is "429" or "503")
            {
                // Every 429 and every temporarily-unavailable carries it; outlook-not-configured does not (waiting will not help).
                Header(concrete, "Retry-After", required: status == "429", "Seconds to wait before retrying (with `rate-limited` and `temporarily-unavailable`).",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" });
            }

            if (status == "401")
            {
                Header(concrete, "WWW-Authenticate", required: true, "`Bearer`.", new OpenApiSchema { Type = JsonSchemaType.String });
            }
        }

        if (idempotent is OpenApiParameter key)
        {
            key.Description = "Makes a retry safe: the same request with the same key (per calendar) answers 201 with the appointment the first one made, " +
                "with `Idempotent-Replayed: true`; the same key with a different request is 422 `idempotency-key-reused`.";
            key.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200, Pattern = "^[!-~]+$" };
            Problem(responses, StatusCodes.Status422UnprocessableEntity, document);
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds a problem+json answer for <paramref name="status"/> unless the operation declares one already.</summary>
    private static void Problem(OpenApiResponses responses, int status, OpenApiDocument? document)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.ContainsKey(key))
        {
            return;
        }

        responses[key] = new OpenApiResponse
        {
            Description = Descriptions.GetValueOrDefault(status, "Error."),
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.ComponentName, document) },
            },
        };
    }

    private static void AddSuccessHeaders(OpenApiResponse response, string status, bool idempotent)
    {
        if (status != "201")
        {
            return;
        }

        Header(response, "Location", required: true, "The URL of the created resource.", new OpenApiSchema { Type = JsonSchemaType.String });
        if (idempotent)
        {
            Header(response, IdempotentBooking.ReplayedHeader, required: false,
                "`true` when this is the appointment an earlier request with the same `Idempotency-Key` made.",
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] });
        }
    }

    private static void Header(OpenApiResponse response, string name, bool required, string description, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers[name] = new OpenApiHeader { Description = description, Required = required, Schema = schema };
    }
}
