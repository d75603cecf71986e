namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// The directory of an owner's stored availability: which day pages and external sources exist. Small and written
/// rarely (a first hold on a new day, a new source, an archive pass), so a booking writes only its day page.
/// </summary>
[GenerateSerializer]
public sealed class AvailabilityRoot
{
    /// <summary>Days (<see cref="DateOnly.DayNumber"/>, UTC) whose page may hold holds.</summary>
    [Id(0)]
    public SortedSet<int> Days { get; set; } = [];

    /// <summary>Ids of the external sources with a stored record.</summary>
    [Id(1)]
    public SortedSet<string> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The version of the record the previous release kept everything in, once it was moved here and sealed; null
    /// before. A different version on activation means an older silo wrote it since (a mixed cluster): moved again.
    /// </summary>
    [Id(2)]
    public string? LegacyVersion { get; set; }
}
