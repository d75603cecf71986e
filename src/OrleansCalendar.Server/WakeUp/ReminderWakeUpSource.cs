namespace OrleansCalendar.Server.WakeUp;

/// <summary>
/// PostgreSQL: reminders are durable, and the reminder table already lists every grain that keeps one. A starting
/// silo leaves them to their reminders; after a silo's death the table says whom to wake at once.
/// </summary>
public sealed class ReminderWakeUpSource(IReminderTable reminders) : IWakeUpSource
{
    public bool WakesAtStart => false;

    public async Task<IReadOnlyList<string>> ListAsync(WakeUpTarget target, CancellationToken cancellationToken)
    {
        // The whole ring: a range that starts and ends at the same point wraps around once.
        var rows = await reminders.ReadRows(0, 0, cancellationToken);
        return [.. rows.Reminders.Where(r => r.ReminderName == target.ReminderName).Select(r => r.GrainId.Key.ToString()!).Distinct(StringComparer.Ordinal)];
    }
}
