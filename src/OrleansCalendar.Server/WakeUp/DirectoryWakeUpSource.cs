using OrleansCalendar.Grains.WakeUp;

namespace OrleansCalendar.Server.WakeUp;

/// <summary>The embedded mode: reminders live in memory, so grains keep their keys in the sharded wake-up directory.</summary>
public sealed class DirectoryWakeUpSource(IGrainFactory grains) : IWakeUpSource
{
    public bool WakesAtStart => true;

    public async Task<IReadOnlyList<string>> ListAsync(WakeUpTarget target, CancellationToken cancellationToken)
    {
        if (target.HandOver is { } handOver)
        {
            await handOver(grains);
        }

        return await WakeUpDirectory.ListAsync(grains, target.Kind, cancellationToken);
    }
}
