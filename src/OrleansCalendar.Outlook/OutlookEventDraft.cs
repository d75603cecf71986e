namespace OrleansCalendar.Outlook;

/// <summary>
/// An appointment as we write it into Outlook. <see cref="Start"/> and <see cref="End"/> are wall-clock times in
/// <see cref="TimeZone"/> (an IANA name). <see cref="TransactionId"/> makes a retried create return the first event;
/// <see cref="Tag"/> is stored in our single-value extended property.
/// </summary>
public sealed record OutlookEventDraft(
    string Subject,
    string Body,
    DateTime Start,
    DateTime End,
    string TimeZone,
    string ShowAs,
    string? TransactionId,
    string? Tag);
