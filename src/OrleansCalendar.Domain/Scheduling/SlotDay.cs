using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>The slots that start on one date of the display zone.</summary>
public sealed record SlotDay(LocalDate Date, IReadOnlyList<FreeSlot> Slots);
