using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Every calendar of the connected account, live from Outlook.</summary>
public sealed record OutlookCalendarList(IReadOnlyList<OutlookCalendarInfo> Items);
