using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>One slot of an explained day: whether free slots offer it, and if not, every reason why.</summary>
public sealed record SlotExplanation(TimeInterval Slot, bool Bookable, IReadOnlyList<SlotReason> Reasons);
