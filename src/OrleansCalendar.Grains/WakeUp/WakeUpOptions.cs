namespace OrleansCalendar.Grains.WakeUp;

/// <summary>How grains that run on their own timers are woken after a restart; set by the host from its storage.</summary>
public sealed class WakeUpOptions
{
    /// <summary>
    /// True where reminders live in memory (the embedded mode): grains keep their key in the wake-up directory and
    /// each start wakes them from it. False where reminders are durable (PostgreSQL): the reminder table is the record.
    /// </summary>
    public bool UseDirectory { get; set; }
}
