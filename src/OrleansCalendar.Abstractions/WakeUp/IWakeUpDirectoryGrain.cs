namespace OrleansCalendar.Abstractions.WakeUp;

/// <summary>
/// One shard of the wake-up directory: the keys of grains of one kind that must run again after a restart although
/// reminders do not survive it (the embedded mode keeps them in memory). Keyed <c>{kind}/{shard}</c> (see
/// <see cref="WakeUpShards"/>), so each activation and storage row holds a 64th of the kind, not the deployment.
/// </summary>
public interface IWakeUpDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds the key; stored before it answers. Idempotent.</summary>
    Task AddAsync(string key);

    /// <summary>Adds several keys with one write (moving a directory over).</summary>
    Task AddManyAsync(IReadOnlyList<string> keys);

    /// <summary>Removes the key; stored before it answers. Idempotent.</summary>
    Task RemoveAsync(string key);

    /// <summary>Every key of the shard.</summary>
    Task<IReadOnlyList<string>> ListAsync();
}
