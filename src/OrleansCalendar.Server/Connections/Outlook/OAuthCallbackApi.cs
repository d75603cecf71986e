using System.Net;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>
/// Where Microsoft sends the user after consent. No API key: the single-use <c>state</c> is the credential.
/// </summary>
public static class OAuthCallbackApi
{
    private static readonly string[] IgnoredParameters = ["session_state", "error_description", "error_uri"];

    public static IEndpointRouteBuilder MapOAuthCallbackApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(OAuthRedirects.CallbackPath, CallbackAsync)
            .AllowAnonymous()
            .WithTags("Outlook connection")
            .WithName("OutlookOAuthCallback")
            .WithSummary("OAuth redirect target (called by the user's browser)")
            .WithDescription("Success: 302 to returnUrl?status=connected, or a small HTML page. Consent denied: 302 to returnUrl?status=denied. Unknown, expired or reused state: 400 invalid-state. Account connected elsewhere: 409 account-in-use.")
            .Produces(StatusCodes.Status302Found)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Microsoft adds these to the redirect; the callback accepts and ignores them.
                operation.Parameters ??= [];
                foreach (var name in IgnoredParameters)
                {
                    operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }

                return Task.CompletedTask;
            });
        return routes;
    }

    private static async Task<IResult> CallbackAsync(string? code, string? state, string? error, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 128
            || await grains.GetGrain<IOAuthStateGrain>(state).TakeAsync() is not { } authorization)
        {
            throw CalendarException.Invalid(ErrorCodes.InvalidState, "This sign-in link is unknown, expired or was already used. Start connecting again.");
        }

        if (error is not null)
        {
            var status = error == "access_denied" ? "denied" : "error";
            return Finish(authorization.ReturnUrl, status, status == "denied"
                ? "Outlook was not connected: access was denied."
                : "Outlook was not connected: Microsoft reported an error.");
        }

        if (string.IsNullOrEmpty(code))
        {
            throw CalendarException.InvalidField("code", "is required.");
        }

        var integration = grains.GetGrain<IOutlookIntegrationGrain>(GrainKeys.Scoped(authorization.SubAccountId, authorization.UserId));
        await integration.CompleteConnectAsync(code, authorization);
        return Finish(authorization.ReturnUrl, "connected", "Outlook is connected. You can close this window.");
    }

    private static IResult Finish(Uri? returnUrl, string status, string message)
    {
        if (returnUrl is not null)
        {
            var separator = string.IsNullOrEmpty(returnUrl.Query) ? "?" : "&";
            return TypedResults.Redirect($"{returnUrl}{separator}status={status}");
        }

        var page = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Outlook</title></head>" +
            $"<body><main><h1>{WebUtility.HtmlEncode(message)}</h1></main></body></html>";
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }
}
