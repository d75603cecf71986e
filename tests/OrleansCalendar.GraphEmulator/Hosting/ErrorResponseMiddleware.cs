using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.GraphEmulator.Hosting;

/// <summary>
/// Turns exceptions into the error shape of the surface that raised them: Graph's error envelope,
/// the identity platform's OAuth error, or problem details for the control API.
/// </summary>
internal sealed class ErrorResponseMiddleware(RequestDelegate next, ILogger<ErrorResponseMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await WriteAsync(context, exception);
        }
    }

    private Task WriteAsync(HttpContext context, Exception exception)
    {
        context.Response.Clear();
        var isControl = context.Request.Path.StartsWithSegments("/_emulator", StringComparison.OrdinalIgnoreCase);
        switch (exception)
        {
            case GraphErrorException graph:
                foreach (var (name, value) in graph.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                return isControl
                    ? Problem(context, graph.StatusCode, graph.Code, graph.Message)
                    : GraphResponses.WriteErrorAsync(context, graph.StatusCode, graph.Code, graph.Message);
            case OAuthErrorException oauth:
                return OAuthResponses.WriteErrorAsync(context, oauth);
            case KeyNotFoundException when isControl:
                return Problem(context, 404, "not-found", exception.Message);
            case ArgumentException or InvalidOperationException or FormatException when isControl:
                return Problem(context, 400, "invalid-request", exception.Message);
            case BadHttpRequestException bad:
                return isControl
                    ? Problem(context, bad.StatusCode, "bad-request", bad.Message)
                    : GraphResponses.WriteErrorAsync(context, bad.StatusCode, "BadRequest", bad.Message);
            default:
                logger.LogError(exception, "Unhandled emulator error on {Method} {Path}", context.Request.Method, context.Request.Path);
                return isControl
                    ? Problem(context, 500, "emulator-error", exception.Message)
                    : GraphResponses.WriteErrorAsync(context, 500, "generalException", exception.Message);
        }
    }

    private static Task Problem(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new JsonObject { ["status"] = status, ["title"] = code, ["code"] = code, ["detail"] = detail };
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
