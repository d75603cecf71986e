namespace OrleansCalendar.Grains.Availability;

/// <summary>Busy time imported from one external calendar: one storage record per source.</summary>
[GenerateSerializer]
public sealed class ExternalSource
{
    [Id(0)]
    public string SourceId { get; set; } = "";

    [Id(1)]
    public List<ExternalBusyRecord> Intervals { get; set; } = [];
}
