namespace OrleansCalendar.Abstractions.SubAccounts;

/// <summary>A sub-account (a business) as the API shows it. The API key is never part of it.</summary>
[GenerateSerializer, Immutable]
public sealed record SubAccountDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTimeOffset CreatedAt);
