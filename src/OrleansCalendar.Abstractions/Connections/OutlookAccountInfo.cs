namespace OrleansCalendar.Abstractions.Connections;

[GenerateSerializer, Immutable]
public sealed record OutlookAccountInfo([property: Id(0)] string Email, [property: Id(1)] string DisplayName);
