namespace OrleansCalendar.GraphEmulator.Control.Requests;

/// <summary>Body of <c>POST /_emulator/mailboxes</c>.</summary>
public sealed record AddMailboxRequest(string Email, string DisplayName, string? Id = null);
