namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// Candidate intervals (already widened by buffers) as parallel arrays of Unix milliseconds. Immutable, so it
/// reaches the availability grain without a copy; the grain answers from memory which are free.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FreeSlotProbe(
    [property: Id(0)] long[] StartsUnixMs,
    [property: Id(1)] long[] EndsUnixMs,
    [property: Id(2)] bool IncludeExternal);
