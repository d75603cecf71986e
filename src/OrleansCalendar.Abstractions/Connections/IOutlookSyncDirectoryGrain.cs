using Orleans.CodeGeneration;

namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// The single directory of syncing integrations (key <c>all</c>) of earlier versions: one activation and one storage
/// row for the whole deployment. Integrations now register in the sharded wake-up directory
/// (<see cref="WakeUp.IWakeUpDirectoryGrain"/>); an embedded server hands over what this one still holds at start-up.
/// </summary>
/// <remarks>Version 1 adds <see cref="HandOverAsync"/>.</remarks>
[Version(1)]
public interface IOutlookSyncDirectoryGrain : IGrainWithStringKey
{
    Task AddAsync(string integrationKey);

    Task RemoveAsync(string integrationKey);

    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>
    /// Moves every entry to the wake-up directory shards of <paramref name="kind"/>, then forgets them; returns how
    /// many were moved. A move cut short is completed by the next call (adding to a shard is idempotent).
    /// </summary>
    Task<int> HandOverAsync(string kind);
}
