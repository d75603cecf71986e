namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Events between a producer's prepare and their hand-over to the endpoints' delivery grains: only what is in
/// flight, never history.
/// </summary>
[GenerateSerializer]
public sealed class EventOutboxState
{
    [Id(0)]
    public List<TentativeEvent> Events { get; set; } = [];
}
