namespace OrleansCalendar.Abstractions.Calendars;

[GenerateSerializer, Immutable]
public sealed record CalendarDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string SubAccountId,
    [property: Id(2)] CalendarDefinition Definition,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
