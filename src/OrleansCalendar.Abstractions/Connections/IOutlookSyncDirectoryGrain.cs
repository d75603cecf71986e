namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// The integrations that sync (key <c>all</c>). Each silo wakes them at start-up, so periodic sync and push
/// retries resume after a restart even where reminders are not durable (the embedded default).
/// </summary>
public interface IOutlookSyncDirectoryGrain : IGrainWithStringKey
{
    Task AddAsync(string integrationKey);

    Task RemoveAsync(string integrationKey);

    Task<IReadOnlyList<string>> ListAsync();
}
