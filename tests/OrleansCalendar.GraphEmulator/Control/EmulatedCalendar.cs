namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>A calendar as the control API shows it.</summary>
public sealed record EmulatedCalendar(
    string Id,
    string MailboxId,
    string Name,
    string Color,
    string HexColor,
    bool IsDefault,
    bool CanEdit,
    string OwnerName,
    string OwnerAddress);
