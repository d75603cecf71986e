using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>Writes responses the way Graph does: OData JSON content type, request ids, error envelope.</summary>
internal static class GraphResponses
{
    public const string JsonContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        new GraphJsonResult(body, statusCode);

    public static async Task WriteJsonAsync(HttpContext context, JsonNode body, int statusCode)
    {
        AddRequestIds(context);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(body.ToJsonString(Compact), Encoding.UTF8, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        if (statusCode == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";
        }

        return WriteJsonAsync(context, ErrorBody(context, code, message), statusCode);
    }

    public static JsonObject ErrorBody(HttpContext context, string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["request-id"] = RequestId(context),
                ["client-request-id"] = ClientRequestId(context),
            },
        },
    };

    private static void AddRequestIds(HttpContext context)
    {
        context.Response.Headers["request-id"] = RequestId(context);
        context.Response.Headers["client-request-id"] = ClientRequestId(context);
    }

    private static string RequestId(HttpContext context)
    {
        if (context.Items.TryGetValue("graph-request-id", out var existing) && existing is string id)
        {
            return id;
        }

        var created = Guid.NewGuid().ToString();
        context.Items["graph-request-id"] = created;
        return created;
    }

    private static string ClientRequestId(HttpContext context)
    {
        var fromClient = context.Request.Headers["client-request-id"].ToString();
        return string.IsNullOrEmpty(fromClient) ? RequestId(context) : fromClient;
    }

    private sealed class GraphJsonResult(JsonNode body, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteJsonAsync(httpContext, body, statusCode);
    }
}
