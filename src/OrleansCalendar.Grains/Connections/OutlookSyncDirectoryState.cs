namespace OrleansCalendar.Grains.Connections;

[GenerateSerializer]
public sealed class OutlookSyncDirectoryState
{
    [Id(0)]
    public HashSet<string> Integrations { get; set; } = new(StringComparer.Ordinal);
}
