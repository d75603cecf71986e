namespace OrleansCalendar.GraphEmulator.State;

/// <summary>A change to a stored event, as change notifications report it.</summary>
internal sealed record EventChange(string MailboxId, string CalendarId, string EventId, string ChangeType, string ChangeKey);
