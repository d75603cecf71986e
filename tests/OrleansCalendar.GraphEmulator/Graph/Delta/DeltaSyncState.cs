using System.Collections.Immutable;

namespace OrleansCalendar.GraphEmulator.Graph.Delta;

/// <summary>
/// What a delta token stands for: the window it tracks, the change sequence it reflects and the
/// instances (id → changeKey) the client holds after following the round to its end.
/// </summary>
internal sealed record DeltaSyncState(
    string MailboxId,
    string CalendarId,
    string Path,
    DateTime StartUtc,
    DateTime EndUtc,
    long Sequence,
    ImmutableDictionary<string, string> Known,
    ImmutableHashSet<string> KnownOwners);
