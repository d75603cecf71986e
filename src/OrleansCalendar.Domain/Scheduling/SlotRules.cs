using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>A calendar's booking rules, in domain types.</summary>
public sealed record SlotRules(
    WeeklyHours Hours,
    DateTimeZone Zone,
    Duration SlotDuration,
    Duration SlotInterval,
    Duration BufferBefore,
    Duration BufferAfter,
    Duration MinimumNotice,
    int BookingWindowDays);
