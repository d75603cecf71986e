namespace OrleansCalendar.Grains.WakeUp;

[GenerateSerializer]
public sealed class WakeUpDirectoryState
{
    [Id(0)]
    public HashSet<string> Keys { get; set; } = new(StringComparer.Ordinal);
}
