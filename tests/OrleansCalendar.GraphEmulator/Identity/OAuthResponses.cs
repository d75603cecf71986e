using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>Writes identity platform JSON (token responses and errors).</summary>
internal static class OAuthResponses
{
    public static IResult Tokens(TokenSet tokens)
    {
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = tokens.Scope,
            ["expires_in"] = tokens.ExpiresIn,
            ["ext_expires_in"] = tokens.ExpiresIn,
            ["access_token"] = tokens.AccessToken,
        };
        if (tokens.RefreshToken is not null)
        {
            body["refresh_token"] = tokens.RefreshToken;
        }

        if (tokens.IdToken is not null)
        {
            body["id_token"] = tokens.IdToken;
        }

        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: 200);
    }

    public static async Task WriteErrorAsync(HttpContext context, OAuthErrorException error)
    {
        var now = DateTime.UtcNow;
        var traceId = Guid.NewGuid().ToString();
        var correlationId = context.Request.Headers["client-request-id"].FirstOrDefault() ?? Guid.NewGuid().ToString();
        var timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var description =
            $"AADSTS{error.AadstsCode}: {error.Message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}";
        var body = new JsonObject
        {
            ["error"] = error.Error,
            ["error_description"] = description,
            ["error_codes"] = new JsonArray(error.AadstsCode),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/error?code={error.AadstsCode}",
        };
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
