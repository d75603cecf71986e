namespace OrleansCalendar.Grains.Events;

[GenerateSerializer]
public sealed class EventWorkShardState
{
    [Id(0)]
    public HashSet<string> SubAccountIds { get; set; } = new(StringComparer.Ordinal);
}
