namespace OrleansCalendar.Grains.Availability;

[GenerateSerializer]
public sealed class AvailabilityState
{
    [Id(0)]
    public List<ReservationRecord> Reservations { get; set; } = [];

    /// <summary>Imported busy time per source id (for Outlook: the Outlook calendar id).</summary>
    [Id(1)]
    public Dictionary<string, List<ExternalBusyRecord>> External { get; set; } = [];
}
