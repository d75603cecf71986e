namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// Which probed intervals are free, and the version of the busy time that answered: any change to the owner's busy
/// time (a hold, a release, an Outlook import) gives a new version, so an answer cached under it is exact.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlotAnswer(
    [property: Id(0)] bool[] Free,
    [property: Id(1)] long Version);
