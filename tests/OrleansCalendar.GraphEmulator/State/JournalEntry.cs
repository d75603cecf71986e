namespace OrleansCalendar.GraphEmulator.State;

/// <summary>One change to a stored item, numbered so delta rounds can ask what changed since a point.</summary>
internal sealed record JournalEntry(long Sequence, string MailboxId, string CalendarId, string ItemId);
