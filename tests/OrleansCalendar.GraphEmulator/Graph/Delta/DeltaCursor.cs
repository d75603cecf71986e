namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>A round in progress: the items computed when it started, how far the client got, and the state it ends in.</summary>
internal sealed record DeltaCursor(IReadOnlyList<DeltaItem> Items, int Offset, DeltaSyncState Next);
