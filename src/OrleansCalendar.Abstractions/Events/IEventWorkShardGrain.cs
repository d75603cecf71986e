namespace OrleansCalendar.Abstractions.Events;

/// <summary>
/// One shard (key <c>0</c>…<c>n-1</c>) of the sub-accounts that have webhook endpoints: at start-up every shard is
/// read and each sub-account's event publisher woken, so deliveries resume where reminders are not durable.
/// </summary>
public interface IEventWorkShardGrain : IGrainWithStringKey
{
    Task AddAsync(string subAccountId);

    Task RemoveAsync(string subAccountId);

    Task<IReadOnlyList<string>> ListAsync();
}
