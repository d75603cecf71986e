namespace OrleansCalendar.Outlook;

/// <summary>The signed-in Microsoft account: <see cref="Id"/> is its stable object id.</summary>
public sealed record OutlookAccount(string Id, string Email, string DisplayName);
