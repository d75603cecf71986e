using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// One thing that makes an owner busy, as an explanation names it: its own <see cref="Time"/>, and the time it keeps
/// <see cref="Blocked"/> (for an appointment, its own time widened by its calendar's buffers).
/// </summary>
public abstract record BusyItem(TimeInterval Time, TimeInterval Blocked);
