namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>A bookable interval and the members free for it (all members for collective calendars).</summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlot(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] IReadOnlyList<string> UserIds);
