using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Archive;

[GenerateSerializer]
public sealed class AppointmentArchiveState
{
    /// <summary>Ordered by start, then appointment id.</summary>
    [Id(0)]
    public List<AppointmentIndexEntry> Entries { get; set; } = [];
}
