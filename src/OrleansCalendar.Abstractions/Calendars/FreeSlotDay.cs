namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>The free slots starting on one calendar day of the display zone.</summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlotDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] IReadOnlyList<FreeSlot> Slots);
