namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// Busy time as parallel arrays of Unix milliseconds, sorted and merged. Compact and immutable, so it
/// crosses the grain boundary without a deep copy on the hot free-slot path.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BusyTimeline(
    [property: Id(0)] long[] StartsUnixMs,
    [property: Id(1)] long[] EndsUnixMs);
