using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// One reason a slot is not offered. <see cref="OwnerId"/> names whose busy time it is; <see cref="Start"/> and
/// <see cref="End"/> bound what it is about (a busy item's own time, the notice period, the end of the booking
/// window); <see cref="Item"/> is the busy item itself.
/// </summary>
public sealed record SlotReason(SlotReasonCode Code, string? OwnerId = null, Instant? Start = null, Instant? End = null, BusyItem? Item = null);
