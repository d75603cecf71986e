namespace OrleansCalendar.Server.Operations;

/// <summary>The cluster as this silo's membership view has it.</summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos);
