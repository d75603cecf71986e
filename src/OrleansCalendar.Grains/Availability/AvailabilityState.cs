namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// How the previous release stored an owner's availability, in one record; read once to move it into day pages
/// (<see cref="LegacyAvailability"/>), then kept sealed for the previous release's silos during a rolling upgrade.
/// </summary>
[GenerateSerializer]
public sealed class AvailabilityState
{
    [Id(0)]
    public List<ReservationRecord> Reservations { get; set; } = [];

    /// <summary>Imported busy time per source id (for Outlook: the Outlook calendar id).</summary>
    [Id(1)]
    public Dictionary<string, List<ExternalBusyRecord>> External { get; set; } = [];
}
