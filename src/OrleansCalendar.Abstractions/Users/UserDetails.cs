namespace OrleansCalendar.Abstractions.Users;

/// <summary>A person who can be booked. Belongs to exactly one sub-account.</summary>
[GenerateSerializer, Immutable]
public sealed record UserDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string SubAccountId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Email,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] DateTimeOffset CreatedAt);
