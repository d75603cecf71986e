namespace OrleansCalendar.Server.Operations;

/// <summary>
/// One silo: its address, name, membership status (<c>active</c>, <c>joining</c>, <c>shuttingDown</c>,
/// <c>dead</c>, …), whether it answered this request, and its activations by grain class (active silos only).
/// </summary>
public sealed record SiloResponse(string Address, string Name, string Status, DateTimeOffset StartedAt, bool Self, IReadOnlyDictionary<string, int> Activations);
