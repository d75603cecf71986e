using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>An event in the outbox: prepared at <see cref="PreparedAt"/>, and whether its producer has committed it.</summary>
[GenerateSerializer]
public sealed class TentativeEvent
{
    [Id(0)]
    public CalendarEvent Event { get; set; } = null!;

    [Id(1)]
    public DateTimeOffset PreparedAt { get; set; }

    [Id(2)]
    public bool Committed { get; set; }
}
