namespace OrleansCalendar.Abstractions.Events;

/// <summary>The producer of an event: which kind of grain, and its key.</summary>
[GenerateSerializer, Immutable]
public sealed record EventSourceRef(
    [property: Id(0)] EventSourceKind Kind,
    [property: Id(1)] string GrainKey);
