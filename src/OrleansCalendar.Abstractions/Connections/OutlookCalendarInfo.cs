namespace OrleansCalendar.Abstractions.Connections;

/// <summary>One of the user's Outlook calendars, live from Graph.</summary>
[GenerateSerializer, Immutable]
public sealed record OutlookCalendarInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool CanEdit,
    [property: Id(3)] bool IsDefault,
    [property: Id(4)] string? Color,
    [property: Id(5)] string? Owner);
