using Orleans.Concurrency;
using OrleansCalendar.Abstractions.Users;

namespace OrleansCalendar.Abstractions.SubAccounts;

/// <summary>
/// One business tenant, keyed by its sub-account id. It owns the tenant's API key hash and its users,
/// so every user lookup is scoped to the tenant by construction.
/// </summary>
public interface ISubAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the sub-account; fails with <c>subaccount-exists</c> if the id is taken.</summary>
    Task<SubAccountDetails> CreateAsync(CreateSubAccount command);

    /// <summary>The sub-account, or <c>null</c> when it does not exist.</summary>
    [ReadOnly]
    Task<SubAccountDetails?> GetAsync();

    /// <summary>Whether <paramref name="apiKeyHash"/> is the hash of this sub-account's key (constant-time).</summary>
    [ReadOnly]
    Task<bool> VerifyApiKeyAsync(byte[] apiKeyHash);

    /// <summary>Adds a user; fails with <c>email-in-use</c> when another user of this sub-account has the email.</summary>
    Task<UserDetails> CreateUserAsync(CreateUser command);

    /// <summary>The user, or <c>null</c> when this sub-account has no such user.</summary>
    [ReadOnly]
    Task<UserDetails?> GetUserAsync(string userId);

    /// <summary>Users in creation order, starting after <paramref name="afterUserId"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<UserDetails>> ListUsersAsync(string? afterUserId, int limit);

    /// <summary>The ids among <paramref name="userIds"/> that are not users of this sub-account.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> FindUnknownUsersAsync(IReadOnlyList<string> userIds);

    /// <summary>Records a calendar in the sub-account's list (idempotent).</summary>
    Task AddCalendarAsync(string calendarId);

    /// <summary>Removes a calendar from the sub-account's list (idempotent).</summary>
    Task RemoveCalendarAsync(string calendarId);

    /// <summary>Calendar ids in creation order, starting after <paramref name="afterCalendarId"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> ListCalendarsAsync(string? afterCalendarId, int limit);
}
