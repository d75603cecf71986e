using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// A complete delta round of one calendar, not yet applied: the integration publishes <see cref="Publish"/> (when
/// set) to availability, then applies the round to the calendar's record and follows <see cref="OwnCopies"/>.
/// </summary>
internal sealed record PullResult(
    string CalendarId,
    string DeltaLink,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    Dictionary<Guid, ImportedEvent> Events,
    IReadOnlyList<(string AppointmentId, OutlookEvent Item)> OwnCopies,
    IReadOnlyList<ExternalBusy>? Publish);
