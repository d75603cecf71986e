namespace OrleansCalendar.GraphEmulator.Control.Requests;

/// <summary>Body of <c>POST /_emulator/mailboxes/{mailbox}/calendars</c>.</summary>
public sealed record AddCalendarRequest(
    string Name, bool CanEdit = true, bool IsDefault = false, string? Color = null, string? OwnerName = null, string? OwnerAddress = null);
