using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>An appointment on the owner's time: its own interval, and that interval widened by its calendar's buffers.</summary>
public sealed record AppointmentBusyItem(string AppointmentId, string CalendarId, TimeInterval Time, TimeInterval Blocked)
    : BusyItem(Time, Blocked);
