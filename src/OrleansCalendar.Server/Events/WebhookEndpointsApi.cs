using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Events;

/// <summary>The sub-account's outbound event webhooks: endpoints, their delivery log, retry by hand and a test ping.</summary>
public static class WebhookEndpointsApi
{
    private const string EndpointPrefix = "ep";

    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder routes)
    {
        var endpoints = SubAccountRoutes.Group(routes, "/webhook-endpoints").WithTags("Event webhooks");

        endpoints.MapPost("/", CreateAsync)
            .WithName("CreateWebhookEndpoint")
            .WithSummary("Add an endpoint that receives the sub-account's events")
            .WithDescription("The answer carries the signing secret (whsec_…) this once. 422 endpoint-not-allowed unless the URL is https and resolves to public addresses (Events__AllowPrivateTargets=true allows http and private addresses). Unknown eventTypes are 400.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        endpoints.MapGet("/", ListAsync)
            .WithName("ListWebhookEndpoints")
            .WithSummary("List the sub-account's webhook endpoints")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        endpoints.MapGet("/{eid}", GetAsync)
            .WithName("GetWebhookEndpoint")
            .WithSummary("Get a webhook endpoint (without its secret)")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        endpoints.MapPatch("/{eid}", UpdateAsync)
            .WithName("UpdateWebhookEndpoint")
            .WithSummary("Change an endpoint's URL, event types, description or status")
            .WithDescription("Disabling fails its pending deliveries (they can be retried once it is enabled again).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        endpoints.MapDelete("/{eid}", DeleteAsync)
            .WithName("DeleteWebhookEndpoint")
            .WithSummary("Remove an endpoint with its pending deliveries and delivery log")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        endpoints.MapPost("/{eid}/test", TestAsync)
            .WithName("TestWebhookEndpoint")
            .WithSummary("Send the endpoint one ping event")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        endpoints.MapGet("/{eid}/deliveries", ListDeliveriesAsync)
            .WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's deliveries, newest first")
            .WithDescription("?status=pending|succeeded|failed filters. Finished deliveries are kept for Events__DeliveryRetention (30 days).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        endpoints.MapPost("/{eid}/deliveries/{did}/retry", RetryAsync)
            .WithName("RetryWebhookDelivery")
            .WithSummary("Send a pending or failed delivery again now")
            .WithDescription("A failed delivery gets one more attempt. 409 delivery-not-retryable for one that succeeded, 409 endpoint-disabled while the endpoint is disabled.")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return routes;
    }

    private static async Task<Created<CreatedWebhookEndpointResponse>> CreateAsync(
        string sid, CreateWebhookEndpointRequest request, WebhookTargetPolicy policy, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var definition = await WebhookEndpointRequests.ValidateAsync(request, policy, cancellationToken);
        var created = await Publisher(grains, sid).CreateEndpointAsync(definition);
        return TypedResults.Created($"/v1/subaccounts/{sid}/webhook-endpoints/{created.Endpoint.Id}", CreatedWebhookEndpointResponse.From(created));
    }

    private static async Task<Ok<Page<WebhookEndpointResponse>>> ListAsync(string sid, int? limit, string? cursor, IGrainFactory grains)
    {
        var page = PageRequest.Parse(limit, cursor);
        var endpoints = await Publisher(grains, sid).ListEndpointsAsync(page.After, page.Limit + 1);
        return TypedResults.Ok(page.ToPage(endpoints, e => e.Id, WebhookEndpointResponse.From));
    }

    private static async Task<Ok<WebhookEndpointResponse>> GetAsync(string sid, string eid, IGrainFactory grains) =>
        TypedResults.Ok(WebhookEndpointResponse.From(await FindAsync(grains, sid, eid)));

    private static async Task<Ok<WebhookEndpointResponse>> UpdateAsync(
        string sid, string eid, UpdateWebhookEndpointRequest request, WebhookTargetPolicy policy, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await FindAsync(grains, sid, eid);
        var changes = await WebhookEndpointRequests.ValidateAsync(request, policy, cancellationToken);
        return TypedResults.Ok(WebhookEndpointResponse.From(await Publisher(grains, sid).UpdateEndpointAsync(eid, changes)));
    }

    private static async Task<NoContent> DeleteAsync(string sid, string eid, IGrainFactory grains)
    {
        await FindAsync(grains, sid, eid);
        await Publisher(grains, sid).DeleteEndpointAsync(eid);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> TestAsync(string sid, string eid, IGrainFactory grains, TimeProvider clock)
    {
        if ((await FindAsync(grains, sid, eid)).Status != WebhookEndpointStatus.Enabled)
        {
            throw CalendarException.Conflict(ErrorCodes.EndpointDisabled, "The endpoint is disabled: enable it before testing.");
        }

        await Delivery(grains, sid, eid).EnqueueAsync([CalendarEvent.Ping(clock.GetUtcNow())]);
        return TypedResults.Accepted($"/v1/subaccounts/{sid}/webhook-endpoints/{eid}/deliveries");
    }

    private static async Task<Ok<Page<WebhookDeliveryResponse>>> ListDeliveriesAsync(string sid, string eid, string? status, int? limit, string? cursor, IGrainFactory grains)
    {
        var page = PageRequest.Parse(limit, cursor);
        DeliveryStatus? filter = status switch
        {
            null => null,
            "pending" => DeliveryStatus.Pending,
            "succeeded" => DeliveryStatus.Succeeded,
            "failed" => DeliveryStatus.Failed,
            _ => throw CalendarException.InvalidField("status", "must be pending, succeeded or failed."),
        };

        await FindAsync(grains, sid, eid);
        var deliveries = await Delivery(grains, sid, eid).ListDeliveriesAsync(filter, page.After, page.Limit + 1);
        return TypedResults.Ok(page.ToPage(deliveries, d => d.SortKey, WebhookDeliveryResponse.From));
    }

    private static async Task<Accepted> RetryAsync(string sid, string eid, string did, IGrainFactory grains)
    {
        await FindAsync(grains, sid, eid);
        if (!Ids.IsWellFormed(did, WebhookDelivery.IdPrefix))
        {
            throw CalendarException.NotFound(ErrorCodes.DeliveryNotFound, "The delivery does not exist.");
        }

        await Delivery(grains, sid, eid).RetryAsync(did);
        return TypedResults.Accepted($"/v1/subaccounts/{sid}/webhook-endpoints/{eid}/deliveries");
    }

    /// <summary>The endpoint, which must be one of this sub-account's.</summary>
    private static async Task<WebhookEndpointDetails> FindAsync(IGrainFactory grains, string sid, string eid) =>
        (Ids.IsWellFormed(eid, EndpointPrefix) ? await Publisher(grains, sid).GetEndpointAsync(eid) : null)
        ?? throw CalendarException.NotFound(ErrorCodes.WebhookEndpointNotFound, "The webhook endpoint does not exist.");

    private static IEventPublisherGrain Publisher(IGrainFactory grains, string sid) => grains.GetGrain<IEventPublisherGrain>(sid);

    private static IWebhookEndpointGrain Delivery(IGrainFactory grains, string sid, string eid) =>
        grains.GetGrain<IWebhookEndpointGrain>(GrainKeys.Scoped(sid, eid));
}
