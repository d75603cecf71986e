namespace OrleansCalendar.Server.WakeUp;

/// <summary>
/// A kind of grain that runs on its own timers and must run again after a restart or a silo's death.
/// <see cref="Kind"/> names its wake-up directory (embedded mode); <see cref="ReminderName"/> is the reminder every
/// such grain keeps (the record where reminders are durable); <see cref="Wake"/> activates one by its key.
/// <see cref="HandOver"/>, when set, moves what an earlier version kept elsewhere into the directory first.
/// </summary>
public sealed record WakeUpTarget(
    string Kind,
    string ReminderName,
    Func<IGrainFactory, string, Task> Wake,
    Func<IGrainFactory, Task<int>>? HandOver = null);
