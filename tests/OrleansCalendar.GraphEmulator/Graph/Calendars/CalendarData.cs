namespace OrleansCalendar.GraphEmulator.Graph.Calendars;

/// <summary>One calendar folder of a mailbox (own, or shared with it when the owner differs).</summary>
internal sealed record CalendarData
{
    public required string Id { get; init; }

    public required string MailboxId { get; init; }

    public required string Name { get; init; }

    public string Color { get; init; } = "auto";

    public bool IsDefault { get; init; }

    public bool CanEdit { get; init; } = true;

    public bool CanShare { get; init; } = true;

    public bool CanViewPrivateItems { get; init; } = true;

    public required string OwnerName { get; init; }

    public required string OwnerAddress { get; init; }

    public required string ChangeKey { get; init; }
}
