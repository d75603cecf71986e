using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary><c>/subscriptions</c>: create (with the validation handshake), list, get, renew, delete, reauthorize.</summary>
internal static class SubscriptionEndpoints
{
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/subscriptions", CreateAsync);
        v1.MapGet("/subscriptions", List);
        v1.MapGet("/subscriptions/{subscriptionId}", Get);
        v1.MapPatch("/subscriptions/{subscriptionId}", UpdateAsync);
        v1.MapDelete("/subscriptions/{subscriptionId}", Delete);
        v1.MapPost("/subscriptions/{subscriptionId}/reauthorize", Reauthorize);
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, GraphEmulatorState state, NotificationDispatcher dispatcher)
    {
        var caller = GraphAuthentication.CallerOf(context);
        caller.RequireCalendarRead();
        var body = await GraphRequestBody.ReadAsync(context);
        var resource = Text(body, "resource") ?? throw Invalid("The 'resource' property is required.");
        var changeTypes = ParseChangeTypes(Text(body, "changeType"));
        var notificationUrl = AbsoluteUrl(Text(body, "notificationUrl"), "notificationUrl")
            ?? throw Invalid("The 'notificationUrl' property is required.");
        var lifecycleUrl = AbsoluteUrl(Text(body, "lifecycleNotificationUrl"), "lifecycleNotificationUrl");
        var expiration = Expiration(state, Text(body, "expirationDateTime"), "Create");
        var clientState = Text(body, "clientState");
        if (clientState is { Length: > 128 })
        {
            throw Invalid("The clientState value must not exceed 128 characters.");
        }

        var calendarId = SubscriptionResource.CalendarOf(resource, caller, state.Mailboxes);
        var validator = new EndpointValidator(dispatcher.Http, state.Options);
        await validator.ValidateAsync(notificationUrl, context.RequestAborted);
        if (lifecycleUrl is not null)
        {
            await validator.ValidateAsync(lifecycleUrl, context.RequestAborted);
        }

        var subscription = new SubscriptionData(
            Guid.NewGuid().ToString(),
            caller.Mailbox.Id,
            caller.ClientId,
            resource,
            calendarId,
            changeTypes,
            notificationUrl,
            lifecycleUrl,
            clientState,
            Text(body, "latestSupportedTlsVersion") ?? "v1_2",
            expiration);
        state.Subscriptions.Save(subscription);
        return GraphResponses.Json(WithContext(context, SubscriptionJson.Write(subscription)), StatusCodes.Status201Created);
    }

    private static IResult List(HttpContext context, GraphEmulatorState state)
    {
        var caller = GraphAuthentication.CallerOf(context);
        var now = state.Options.TimeProvider.GetUtcNow();
        var value = new JsonArray();
        foreach (var subscription in state.Subscriptions.All())
        {
            if (subscription.MailboxId == caller.Mailbox.Id && subscription.ApplicationId == caller.ClientId && subscription.ExpirationDateTime > now)
            {
                value.Add(SubscriptionJson.Write(subscription));
            }
        }

        return GraphResponses.Json(new JsonObject
        {
            ["@odata.context"] = GraphPaging.MetadataContext(context, "subscriptions"),
            ["value"] = value,
        });
    }

    private static IResult Get(HttpContext context, GraphEmulatorState state, string subscriptionId) =>
        GraphResponses.Json(WithContext(context, SubscriptionJson.Write(Find(context, state, subscriptionId))));

    private static async Task<IResult> UpdateAsync(
        HttpContext context, GraphEmulatorState state, NotificationDispatcher dispatcher, string subscriptionId)
    {
        var subscription = Find(context, state, subscriptionId);
        var body = await GraphRequestBody.ReadAsync(context);
        if (Text(body, "expirationDateTime") is { } expirationText)
        {
            subscription = subscription with { ExpirationDateTime = Expiration(state, expirationText, "Update") };
        }

        if (AbsoluteUrl(Text(body, "notificationUrl"), "notificationUrl") is { } notificationUrl && notificationUrl != subscription.NotificationUrl)
        {
            await new EndpointValidator(dispatcher.Http, state.Options).ValidateAsync(notificationUrl, context.RequestAborted);
            subscription = subscription with { NotificationUrl = notificationUrl };
        }

        state.Subscriptions.Save(subscription);
        return GraphResponses.Json(WithContext(context, SubscriptionJson.Write(subscription)));
    }

    private static IResult Delete(HttpContext context, GraphEmulatorState state, string subscriptionId)
    {
        state.Subscriptions.Remove(Find(context, state, subscriptionId).Id);
        return Results.NoContent();
    }

    private static IResult Reauthorize(HttpContext context, GraphEmulatorState state, string subscriptionId)
    {
        _ = Find(context, state, subscriptionId);
        return Results.NoContent();
    }

    private static SubscriptionData Find(HttpContext context, GraphEmulatorState state, string subscriptionId)
    {
        var caller = GraphAuthentication.CallerOf(context);
        var subscription = state.Subscriptions.Find(subscriptionId);
        return subscription is not null && subscription.MailboxId == caller.Mailbox.Id &&
               subscription.ExpirationDateTime > state.Options.TimeProvider.GetUtcNow()
            ? subscription
            : throw new GraphErrorException(404, "ResourceNotFound", $"The object was not found. Subscription '{subscriptionId}' does not exist or has expired.");
    }

    private static DateTimeOffset Expiration(GraphEmulatorState state, string? text, string operation)
    {
        if (!GraphFormat.TryParseInstant(text, out var expiration))
        {
            throw Invalid("The 'expirationDateTime' property is required and must be an ISO 8601 date and time.");
        }

        var now = state.Options.TimeProvider.GetUtcNow();
        if (expiration <= now)
        {
            throw Invalid("Subscription expiration must be in the future.");
        }

        if (expiration > now.AddMinutes(state.Options.MaxSubscriptionMinutes))
        {
            throw new GraphErrorException(400, "ExtensionError",
                $"Operation: {operation}; Exception: [Status Code: BadRequest; Reason: Subscription expiration can only be {state.Options.MaxSubscriptionMinutes} minutes in the future.]");
        }

        return expiration;
    }

    private static ImmutableArray<string> ParseChangeTypes(string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => !ChangeTypes.Contains(p, StringComparer.Ordinal)))
        {
            throw Invalid($"Invalid 'changeType' value '{text}'. Use a comma-separated list of created, updated and deleted.");
        }

        return [.. ChangeTypes.Where(parts.Contains)];
    }

    private static string? AbsoluteUrl(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        // Real Graph insists on https; a loopback emulator cannot, so http is accepted too.
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw Invalid($"The '{name}' property must be an absolute https URL.");
    }

    private static JsonObject WithContext(HttpContext context, JsonObject subscription)
    {
        subscription.Insert(0, "@odata.context", GraphPaging.MetadataContext(context, "subscriptions/$entity"));
        return subscription;
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static GraphErrorException Invalid(string message) => new(400, "InvalidRequest", message);
}
