using OrleansCalendar.Abstractions.Calendars;

namespace OrleansCalendar.Grains.Calendars;

[GenerateSerializer]
public sealed class CalendarState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public CalendarDefinition? Definition { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bookings per member, for round-robin fairness.</summary>
    [Id(4)]
    public Dictionary<string, int> BookingCounts { get; set; } = [];
}
