namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>A mailbox as the control API shows it. <see cref="Id"/> is the Microsoft account object id (<c>/me</c> id).</summary>
public sealed record EmulatedMailbox(string Id, string Email, string DisplayName, string DefaultCalendarId);
