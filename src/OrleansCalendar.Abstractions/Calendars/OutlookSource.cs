namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>The Outlook event behind an `outlook-busy` reason.</summary>
/// <param name="OutlookCalendarId">The conflict calendar in the member's Outlook that holds the event.</param>
/// <param name="ShowAs">
/// The event's Outlook showAs (`busy`, `tentative`, `oof`, … as the connection's blockingShowAs made it block); null only
/// for an event imported before the service kept it, until that calendar's next full sync.
/// </param>
/// <param name="Subject">
/// The event's subject, only when the connection imports event details and the event is neither private nor
/// confidential; null otherwise.
/// </param>
[GenerateSerializer, Immutable]
public sealed record OutlookSource(
    [property: Id(0)] string OutlookCalendarId,
    [property: Id(1)] string? ShowAs,
    [property: Id(2)] string? Subject) : ReasonSource;
