using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>The delivery log: listing, retry by hand, pruning past the retention, and deletion.</summary>
public sealed partial class WebhookEndpointGrain
{
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(DeliveryStatus? status, string? afterSortKey, int limit)
    {
        var queued = Queue.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var found = Queue
            .Where(d => (status is null || d.Status == status) && Before(d, afterSortKey))
            .Select(d => d.WithoutPayload())
            .ToList();
        if (status != DeliveryStatus.Pending)
        {
            // Newest day and page first: once they have filled the answer, older ones cannot come before it.
            var fromLog = 0;
            for (var day = afterSortKey is null ? Today : DayOf(afterSortKey); day >= OldestKeptDay && fromLog < limit; day = day.AddDays(-1))
            {
                for (var page = PagesOf(day) - 1; page >= 0 && fromLog < limit; page--)
                {
                    var listed = (await Log(day, page).ListAsync(status, afterSortKey, limit)).Where(d => !queued.Contains(d.Id)).ToList();
                    found.AddRange(listed);
                    fromLog += listed.Count;
                }
            }
        }

        return found.OrderByDescending(d => d.SortKey, StringComparer.Ordinal).Take(limit).ToList();
    }

    public async Task RetryAsync(string deliveryId)
    {
        if (await TargetAsync() is not { Target.Status: WebhookEndpointStatus.Enabled })
        {
            throw CalendarException.Conflict(ErrorCodes.EndpointDisabled, "The endpoint is disabled: enable it before retrying.");
        }

        var index = Queue.FindIndex(d => d.Id == deliveryId);
        var delivery = index >= 0 ? Queue[index] : await FindInLogAsync(deliveryId);
        if (delivery is null)
        {
            throw CalendarException.NotFound(ErrorCodes.DeliveryNotFound, "The delivery does not exist.");
        }

        if (delivery.Status == DeliveryStatus.Succeeded || delivery.Event is null)
        {
            throw CalendarException.Conflict(ErrorCodes.DeliveryNotRetryable, "Only pending and failed deliveries can be retried.");
        }

        var now = clock.GetUtcNow();
        var again = delivery.Status == DeliveryStatus.Pending
            ? delivery with { NextAttemptAt = now }
            : delivery with { Status = DeliveryStatus.Pending, NextAttemptAt = now, SingleAttempt = true };
        var before = Queue.ToList();
        if (index >= 0)
        {
            Queue[index] = again;
        }
        else
        {
            Queue.Add(again);
        }

        try
        {
            await Writes.WriteAsync();
        }
        catch
        {
            state.State.Queue = before;
            throw;
        }

        Pump();
    }

    public async Task DeleteAsync()
    {
        foreach (var day in state.State.CreatedPerDay.Keys)
        {
            await ClearLogAsync(day);
        }

        _timer?.Dispose();
        _timer = null;
        await state.ClearStateAsync();
        state.State = new WebhookEndpointState();
        await KeepReminderAsync();
        DeactivateOnIdle();
    }

    /// <summary>Clears the log's days older than the retention.</summary>
    private async Task PruneLogAsync()
    {
        if (state.State.OldestLogDay is not { } oldest || oldest >= OldestKeptDay)
        {
            return;
        }

        foreach (var day in state.State.CreatedPerDay.Keys.Where(d => d < OldestKeptDay).ToList())
        {
            await ClearLogAsync(day);
            state.State.CreatedPerDay.Remove(day);
        }

        state.State.OldestLogDay = OldestKeptDay;
        await Writes.WriteAsync();
    }

    private async Task<WebhookDelivery?> FindInLogAsync(string deliveryId) =>
        DeliveryLogPages.Locate(deliveryId) is { } at && at.Day >= OldestKeptDay && at.Page < PagesOf(at.Day)
            ? await Log(at.Day, at.Page).GetAsync(deliveryId)
            : null;

    private int PagesOf(DateOnly day) => DeliveryLogPages.PagesOf(state.State.CreatedPerDay.GetValueOrDefault(day));

    private async Task ClearLogAsync(DateOnly day)
    {
        for (var page = 0; page < PagesOf(day); page++)
        {
            await Log(day, page).ClearAsync();
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateOnly OldestKeptDay => Today.AddDays(-(int)Math.Ceiling(Options.DeliveryRetention.TotalDays) + 1);

    private static bool Before(WebhookDelivery delivery, string? sortKey) =>
        sortKey is null || string.CompareOrdinal(delivery.SortKey, sortKey) < 0;

    /// <summary>The day of a sort key (<c>{ticks}|{id}</c>); a malformed one means today, and simply matches nothing older.</summary>
    private DateOnly DayOf(string sortKey) =>
        long.TryParse(sortKey.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks) && ticks is >= 0 and <= 3155378975999999999
            ? DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc))
            : Today;
}
