namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// What makes an owner busy in a window, item by item: every hold that blocks time (one per appointment revision, with
/// the appointment's own and its blocked interval) and the imported busy intervals by source id (for Outlook: the
/// Outlook calendar's id). Exactly the busy time free slots are answered from, with the details to name it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BusyDetails(
    [property: Id(0)] IReadOnlyList<Reservation> Holds,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<ExternalBusy>> External);
