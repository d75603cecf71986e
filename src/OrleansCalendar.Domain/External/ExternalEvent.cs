using NodaTime;
using OrleansCalendar.Domain.Intervals;

namespace OrleansCalendar.Domain.External;

/// <summary>
/// An event read from an external calendar, reduced to what decides whether and when it blocks.
/// Wall-clock times come with the zone the provider wrote them in; an all-day event's wall clock is its own
/// midnight-to-midnight, meant in <see cref="EventZone"/>.
/// </summary>
public sealed record ExternalEvent(
    LocalDateTime Start,
    string? StartZone,
    LocalDateTime End,
    string? EndZone,
    bool IsAllDay,
    string? EventZone,
    string? ShowAs,
    bool IsCancelled,
    string? Sensitivity)
{
    /// <summary>
    /// The time the event covers, or null when it cannot be placed (an unknown zone, or an end before the start).
    /// All-day events cover their whole days from midnight to midnight in the event's own zone (a midnight that
    /// falls in a daylight-saving gap starts the day at the first instant after it).
    /// </summary>
    public TimeInterval? Interval()
    {
        Instant start, end;
        if (IsAllDay)
        {
            var zone = ZoneNames.Resolve(EventZone) ?? ZoneNames.Resolve(StartZone);
            if (zone is null)
            {
                return null;
            }

            start = zone.AtStartOfDay(Start.Date).ToInstant();
            end = zone.AtStartOfDay(End.TimeOfDay == LocalTime.Midnight ? End.Date : End.Date.PlusDays(1)).ToInstant();
        }
        else
        {
            var startZone = ZoneNames.Resolve(StartZone);
            var endZone = ZoneNames.Resolve(EndZone ?? StartZone);
            if (startZone is null || endZone is null)
            {
                return null;
            }

            start = startZone.AtLeniently(Start).ToInstant();
            end = endZone.AtLeniently(End).ToInstant();
        }

        return end > start ? new TimeInterval(start, end) : null;
    }

    /// <summary>Whether the event makes its owner busy: not cancelled, and its showAs is one of <paramref name="blockingShowAs"/>.</summary>
    public bool Blocks(IReadOnlyCollection<string> blockingShowAs) =>
        !IsCancelled && blockingShowAs.Contains(ShowAs ?? "busy", StringComparer.OrdinalIgnoreCase);

    /// <summary>Private and confidential events never reveal their details, whatever the import settings say.</summary>
    public bool IsPrivate => Sensitivity is not null &&
        (Sensitivity.Equals("private", StringComparison.OrdinalIgnoreCase) || Sensitivity.Equals("confidential", StringComparison.OrdinalIgnoreCase));
}
