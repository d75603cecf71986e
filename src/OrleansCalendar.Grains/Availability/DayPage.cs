namespace OrleansCalendar.Grains.Availability;

/// <summary>The holds of one owner whose blocked interval starts on one UTC day: one storage record per day.</summary>
[GenerateSerializer]
[Newtonsoft.Json.JsonConverter(typeof(DayPageJsonConverter))]
public sealed class DayPage
{
    [Id(0)]
    public List<HoldRecord> Holds { get; set; } = [];
}
