namespace OrleansCalendar.Server.SubAccounts;

/// <summary>A new sub-account with its API key. The key is shown only here, once; only its hash is stored.</summary>
public sealed record CreatedSubAccountResponse(string Id, string Name, string TimeZone, DateTimeOffset CreatedAt, string ApiKey);
