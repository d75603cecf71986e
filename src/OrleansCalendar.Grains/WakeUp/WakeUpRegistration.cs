using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.WakeUp;

namespace OrleansCalendar.Grains.WakeUp;

/// <summary>
/// Keeps a grain in the wake-up directory of its kind while it has work of its own (a timer, a retry), where
/// reminders alone would not wake it after a restart. Where reminders are durable, the reminder is the registration.
/// </summary>
public sealed class WakeUpRegistration(IGrainFactory grains, IOptions<WakeUpOptions> options)
{
    public Task RegisterAsync(string kind, string key) =>
        options.Value.UseDirectory ? Shard(kind, key).AddAsync(key) : Task.CompletedTask;

    public Task UnregisterAsync(string kind, string key) =>
        options.Value.UseDirectory ? Shard(kind, key).RemoveAsync(key) : Task.CompletedTask;

    private IWakeUpDirectoryGrain Shard(string kind, string key) => grains.GetGrain<IWakeUpDirectoryGrain>(WakeUpShards.For(kind, key));
}
