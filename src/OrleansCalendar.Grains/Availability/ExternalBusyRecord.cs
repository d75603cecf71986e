using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>A busy interval imported from an external calendar (one Outlook calendar is one source).</summary>
[GenerateSerializer]
public sealed class ExternalBusyRecord
{
    [Id(0)]
    public DateTimeOffset Start { get; set; }

    [Id(1)]
    public DateTimeOffset End { get; set; }

    [Id(2)]
    public string? Title { get; set; }

    [Id(3)]
    public BusySource Source { get; set; } = BusySource.Outlook;

    /// <summary>The event's Outlook showAs; null for intervals imported before it was kept.</summary>
    [Id(4)]
    public string? ShowAs { get; set; }
}
