using OrleansCalendar.Grains.WakeUp;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// What wakes an integration that is not active: its reminder (durable on PostgreSQL; period the polling interval, at
/// least a minute) and, where reminders live in memory, its entry in the wake-up directory. Both are idempotent.
/// </summary>
internal sealed class IntegrationWakeUps(IGrainBase grain, WakeUpRegistration directory, string key, TimeSpan interval)
{
    /// <summary>Whether both are in place; false until a registration succeeded (the timer tries again).</summary>
    public bool Registered { get; private set; }

    public async Task RegisterAsync()
    {
        Registered = false;
        var period = interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : interval;
        await grain.RegisterOrUpdateReminder(OutlookIntegrationGrain.ReminderName, period, period);
        await directory.RegisterAsync(OutlookIntegrationGrain.WakeUpKind, key);
        Registered = true;
    }

    public async Task UnregisterAsync()
    {
        if (await grain.GetReminder(OutlookIntegrationGrain.ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        await directory.UnregisterAsync(OutlookIntegrationGrain.WakeUpKind, key);
        Registered = false;
    }
}
