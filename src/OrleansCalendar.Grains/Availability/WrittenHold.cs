namespace OrleansCalendar.Grains.Availability;

/// <summary>A hold's stored form, valid while the hold keeps this status, check time and calendar index on its page.</summary>
internal sealed record WrittenHold(HoldStatus Status, DateTimeOffset? CheckAt, int Calendar, string Json);
