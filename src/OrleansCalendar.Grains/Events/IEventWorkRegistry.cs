namespace OrleansCalendar.Grains.Events;

/// <summary>
/// The sub-accounts with webhook endpoints, for the start-up wake-up. One small seam, so the directory behind it
/// (today <see cref="ShardedEventWorkRegistry"/>) can be swapped without touching the publisher.
/// </summary>
public interface IEventWorkRegistry
{
    Task AddAsync(string subAccountId);

    Task RemoveAsync(string subAccountId);

    Task<IReadOnlyList<string>> ListAsync();
}
