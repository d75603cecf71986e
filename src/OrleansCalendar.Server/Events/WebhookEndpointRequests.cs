using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Events;

/// <summary>Validation of webhook endpoint bodies at the edge; the URL's target is checked by <see cref="WebhookTargetPolicy"/>.</summary>
public static class WebhookEndpointRequests
{
    private const int MaxDescription = 500;

    public static async Task<WebhookEndpointDefinition> ValidateAsync(CreateWebhookEndpointRequest request, WebhookTargetPolicy policy, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var url = v.RequiredText("url", request.Url, 2000);
        var types = EventTypeList(v, request.EventTypes) ?? [];
        var description = v.OptionalText("description", request.Description, MaxDescription);
        v.ThrowIfInvalid();
        var checkedUrl = await policy.CheckUrlAsync("url", url, cancellationToken);
        return new WebhookEndpointDefinition(checkedUrl.OriginalString, types, description);
    }

    public static async Task<WebhookEndpointChanges> ValidateAsync(UpdateWebhookEndpointRequest request, WebhookTargetPolicy policy, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var types = EventTypeList(v, request.EventTypes);
        if (request.Description is { Length: > MaxDescription })
        {
            v.Add("description", $"must be at most {MaxDescription} characters.");
        }

        if (request.Url is not null && string.IsNullOrWhiteSpace(request.Url))
        {
            v.Add("url", "must be an absolute https URL.");
        }

        if (request.Url is null && request.EventTypes is null && request.Description is null && request.Status is null)
        {
            v.Add("$", "nothing to change: give url, eventTypes, description or status.");
        }

        v.ThrowIfInvalid();
        var url = request.Url is null ? null : (await policy.CheckUrlAsync("url", request.Url.Trim(), cancellationToken)).OriginalString;
        return new WebhookEndpointChanges(url, types, request.Description?.Trim(), request.Status);
    }

    /// <summary>The event types, each one known; null when not given.</summary>
    private static List<string>? EventTypeList(RequestValidator v, IReadOnlyList<string>? types)
    {
        if (types is null)
        {
            return null;
        }

        foreach (var unknown in types.Where(t => t is null || !EventTypes.IsKnown(t)))
        {
            v.Add("eventTypes", $"'{unknown}' is not an event type ({string.Join(", ", EventTypes.All)}).");
        }

        return types.Distinct(StringComparer.Ordinal).ToList();
    }
}
