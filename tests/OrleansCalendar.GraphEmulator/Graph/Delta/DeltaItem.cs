using OrleansCalendar.GraphEmulator.Graph.Events;

namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>One entry of a delta page: a full instance, or the id of a removed one.</summary>
internal sealed record DeltaItem(string Id, EventInstance? Instance)
{
    public static DeltaItem Full(EventInstance instance) => new(instance.Id, instance);

    public static DeltaItem Removed(string id) => new(id, null);
}
