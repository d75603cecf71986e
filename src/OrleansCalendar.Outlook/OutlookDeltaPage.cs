namespace OrleansCalendar.Outlook;

/// <summary>One page of a delta round: follow <see cref="NextLink"/> until a page carries <see cref="DeltaLink"/>.</summary>
public sealed record OutlookDeltaPage(IReadOnlyList<OutlookEvent> Items, string? NextLink, string? DeltaLink);
