namespace OrleansCalendar.Outlook;

/// <summary>One calendar of the account, as Graph lists it.</summary>
public sealed record OutlookCalendar(string Id, string Name, bool CanEdit, bool IsDefault, string? Color, string? OwnerName, string? OwnerAddress);
