using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.Observability;

namespace OrleansCalendar.Server.Webhooks;

/// <summary>
/// Where Microsoft Graph posts change and lifecycle notifications. No API key: each notification proves itself
/// with its subscription's <c>clientState</c>, checked in constant time by the subscription's index grain. The
/// answer never waits on Graph: routing is a grain call, and the delta run it causes happens in the background.
/// </summary>
public static class OutlookWebhookApi
{
    public const string NotificationPath = "/v1/webhooks/outlook";
    public const string LifecyclePath = "/v1/webhooks/outlook/lifecycle";

    public static IEndpointRouteBuilder MapOutlookWebhookApi(this IEndpointRouteBuilder routes)
    {
        Describe(routes.MapPost(NotificationPath, (HttpContext context, string? validationToken, IGrainFactory grains, CalendarTelemetry telemetry, ILoggerFactory logs) =>
                ReceiveAsync(context, validationToken, lifecycle: false, grains, telemetry, logs)))
            .WithName("OutlookChangeNotifications")
            .WithSummary("Graph change notifications (called by Microsoft Graph)")
            .WithDescription("With ?validationToken: 200 text/plain echoing it. Otherwise a Graph notification body {\"value\": [...]}: 202 at once; "
                + "each item is checked against its subscription's clientState (mismatches and unknown subscriptions are dropped and counted) "
                + "and its calendar is pulled through delta in the background, bursts coalesced. Malformed: 400. Over 1 MiB: 413.");
        Describe(routes.MapPost(LifecyclePath, (HttpContext context, string? validationToken, IGrainFactory grains, CalendarTelemetry telemetry, ILoggerFactory logs) =>
                ReceiveAsync(context, validationToken, lifecycle: true, grains, telemetry, logs)))
            .WithName("OutlookLifecycleNotifications")
            .WithSummary("Graph lifecycle notifications (called by Microsoft Graph)")
            .WithDescription("reauthorizationRequired renews the subscription with a refreshed token, subscriptionRemoved creates a new one "
                + "and runs an incremental sync, missed runs an incremental sync. Same validation, answers and limits as the change endpoint.");
        return routes;
    }

    private static RouteHandlerBuilder Describe(RouteHandlerBuilder endpoint) => endpoint
        .AllowAnonymous()
        .WithTags("Webhooks")
        .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            // Documents the body without binding it: Accepts metadata would make routing refuse the handshake's text/plain.
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(OutlookNotificationsBody), null, cancellationToken) },
                },
            };
        })
        .Produces<string>(StatusCodes.Status200OK, "text/plain")
        .Produces(StatusCodes.Status202Accepted)
        .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, string? validationToken, bool lifecycle, IGrainFactory grains, CalendarTelemetry telemetry, ILoggerFactory logs)
    {
        if (validationToken is not null)
        {
            // The subscription handshake: echo the token as plain text, at once.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Text(validationToken, "text/plain; charset=utf-8");
        }

        var body = await WebhookBodyReader.ReadCappedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            telemetry.WebhookRejectedBodies.Add(1, new KeyValuePair<string, object?>("reason", "too_large"));
            return Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large", $"Notification bodies are limited to {WebhookBodyReader.MaxBodyBytes} bytes.");
        }

        var (items, code, error) = WebhookBodyReader.Parse(body, lifecycle);
        if (code is not null)
        {
            telemetry.WebhookRejectedBodies.Add(1, new KeyValuePair<string, object?>("reason", "malformed"));
            return Problem(StatusCodes.Status400BadRequest, code, "Invalid notification", error);
        }

        var logger = logs.CreateLogger(typeof(OutlookWebhookApi));
        if (lifecycle)
        {
            await Task.WhenAll(items.Select(async item =>
            {
                var outcome = await grains.GetGrain<IOutlookSubscriptionGrain>(item.SubscriptionId).LifecycleAsync(item.ClientState, item.LifecycleEvent!);
                telemetry.WebhookLifecycleEvents.Add(1, new("event", item.LifecycleEvent), new("outcome", Tag(outcome)));
                LogDropped(logger, outcome, item.SubscriptionId, 1);
            }));
        }
        else
        {
            // One grain call per subscription and clientState, however many items a body holds.
            await Task.WhenAll(items.GroupBy(i => (i.SubscriptionId, i.ClientState)).Select(async group =>
            {
                var count = group.Count();
                var outcome = await grains.GetGrain<IOutlookSubscriptionGrain>(group.Key.SubscriptionId).NotifyAsync(group.Key.ClientState, count);
                telemetry.WebhookNotifications.Add(count, new KeyValuePair<string, object?>("outcome", Tag(outcome)));
                LogDropped(logger, outcome, group.Key.SubscriptionId, count);
            }));
        }

        return TypedResults.Accepted((string?)null);
    }

    private static string Tag(NotificationOutcome outcome) => outcome switch
    {
        NotificationOutcome.Accepted => "accepted",
        NotificationOutcome.UnknownSubscription => "unknown_subscription",
        _ => "wrong_client_state",
    };

    private static void LogDropped(ILogger logger, NotificationOutcome outcome, string subscriptionId, int count)
    {
        if (outcome == NotificationOutcome.WrongClientState)
        {
            logger.LogWarning("Dropped {Count} notification(s) for subscription {SubscriptionId}: the clientState does not match", count, subscriptionId);
        }
        else if (outcome == NotificationOutcome.UnknownSubscription)
        {
            logger.LogDebug("Dropped {Count} notification(s) for unknown subscription {SubscriptionId}", count, subscriptionId);
        }
    }

    private static ProblemHttpResult Problem(int status, string code, string title, string? detail) =>
        TypedResults.Problem(ProblemFactory.Create(status, code, title, detail));
}
