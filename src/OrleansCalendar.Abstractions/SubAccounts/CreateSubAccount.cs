namespace OrleansCalendar.Abstractions.SubAccounts;

/// <summary>Creates a sub-account. Only the hash of its API key travels to the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record CreateSubAccount(
    [property: Id(0)] string Name,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] byte[] ApiKeyHash);
