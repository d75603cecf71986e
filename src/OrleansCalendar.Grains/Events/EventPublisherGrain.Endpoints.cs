using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

/// <summary>The sub-account's endpoints: created, listed, changed and deleted through the API; disabled by delivery.</summary>
public sealed partial class EventPublisherGrain
{
    public Task<CreatedWebhookEndpoint> CreateEndpointAsync(WebhookEndpointDefinition definition) => InCatalogTurnAsync(async () =>
    {
        if (catalog.State.Endpoints.Count >= MaxEndpoints)
        {
            throw CalendarException.Unprocessable(ErrorCodes.EndpointLimitReached, $"A sub-account has at most {MaxEndpoints} webhook endpoints.");
        }

        // Registered first: a crash in between leaves a registration without endpoints, which wakes nothing.
        await registry.AddAsync(SubAccountId);
        var secret = EndpointSecret.New();
        var record = new EndpointRecord
        {
            Id = Ids.New(EndpointPrefix),
            Url = definition.Url,
            EventTypes = definition.EventTypes.Distinct(StringComparer.Ordinal).ToList(),
            Description = definition.Description,
            Status = WebhookEndpointStatus.Enabled,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        catalog.State.Endpoints.Add(record);
        await catalog.WriteOrReloadAsync(this);
        return new CreatedWebhookEndpoint(record.Details(), secret);
    });

    public Task<IReadOnlyList<WebhookEndpointDetails>> ListEndpointsAsync(string? afterEndpointId, int limit)
    {
        var endpoints = catalog.State.Endpoints;
        var start = 0;
        if (afterEndpointId is not null)
        {
            start = endpoints.FindIndex(e => e.Id == afterEndpointId) + 1;
            if (start == 0)
            {
                throw CalendarException.Invalid(ErrorCodes.InvalidCursor, "The cursor does not belong to this list.");
            }
        }

        return Task.FromResult<IReadOnlyList<WebhookEndpointDetails>>(endpoints.Skip(start).Take(limit).Select(e => e.Details()).ToList());
    }

    public Task<WebhookEndpointDetails?> GetEndpointAsync(string endpointId) =>
        Task.FromResult(Find(endpointId)?.Details());

    public async Task<WebhookEndpointDetails> UpdateEndpointAsync(string endpointId, WebhookEndpointChanges changes)
    {
        var details = await InCatalogTurnAsync(async () =>
        {
            var record = Find(endpointId) ?? throw NotFound();
            record.Url = changes.Url ?? record.Url;
            record.EventTypes = changes.EventTypes?.Distinct(StringComparer.Ordinal).ToList() ?? record.EventTypes;
            record.Description = changes.Description is null ? record.Description : changes.Description.Length == 0 ? null : changes.Description;
            if (changes.Status is { } status && status != record.Status)
            {
                record.Status = status;
                record.DisabledReason = status == WebhookEndpointStatus.Disabled ? "Disabled through the API." : null;
            }

            await catalog.WriteOrReloadAsync(this);
            return record.Details();
        });

        await Endpoint(endpointId).TargetChangedAsync();
        return details;
    }

    public Task DeleteEndpointAsync(string endpointId) => InCatalogTurnAsync(async () =>
    {
        catalog.State.Endpoints.Remove(Find(endpointId) ?? throw NotFound());
        await catalog.WriteOrReloadAsync(this);
        await Endpoint(endpointId).DeleteAsync();
        if (catalog.State.Endpoints.Count == 0)
        {
            await registry.RemoveAsync(SubAccountId);
        }

        return true;
    });

    public Task<WebhookTarget?> GetTargetAsync(string endpointId) =>
        Task.FromResult(Find(endpointId) is { } e ? new WebhookTarget(e.Url, e.ProtectedSecret, e.Status) : null);

    public async Task DisableEndpointAsync(string endpointId, string reason)
    {
        var disabled = await InCatalogTurnAsync(async () =>
        {
            if (Find(endpointId) is not { Status: WebhookEndpointStatus.Enabled } record)
            {
                return false;
            }

            record.Status = WebhookEndpointStatus.Disabled;
            record.DisabledReason = reason;
            await catalog.WriteOrReloadAsync(this);
            LogDisabled(endpointId, reason);
            return true;
        });
        if (disabled)
        {
            await Endpoint(endpointId).TargetChangedAsync();
        }
    }

    /// <summary>Runs one change of the endpoint list after the ones before it: the grain is reentrant, its list is not.</summary>
    private async Task<T> InCatalogTurnAsync<T>(Func<Task<T>> change)
    {
        var previous = _catalogTurn;
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _catalogTurn = mine.Task;
        try
        {
            await previous;
            return await change();
        }
        finally
        {
            mine.SetResult();
        }
    }

    private EndpointRecord? Find(string endpointId) => catalog.State.Endpoints.Find(e => e.Id == endpointId);

    private static CalendarException NotFound() =>
        CalendarException.NotFound(ErrorCodes.WebhookEndpointNotFound, "The webhook endpoint does not exist.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled: {Reason}")]
    private partial void LogDisabled(string endpointId, string reason);
}
