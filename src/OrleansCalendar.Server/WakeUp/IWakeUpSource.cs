namespace OrleansCalendar.Server.WakeUp;

/// <summary>Where the keys of the grains to wake come from.</summary>
public interface IWakeUpSource
{
    /// <summary>
    /// Whether a starting silo wakes them: true where their reminders did not survive the restart (in memory), false
    /// where durable reminders wake them by themselves.
    /// </summary>
    bool WakesAtStart { get; }

    Task<IReadOnlyList<string>> ListAsync(WakeUpTarget target, CancellationToken cancellationToken);
}
