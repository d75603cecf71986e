using Orleans.Runtime;
using System.Security.Cryptography;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Abstractions.Users;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.SubAccounts;

public sealed class SubAccountGrain(
    [PersistentState("subaccount", StorageNames.Default)] IPersistentState<SubAccountState> state,
    TimeProvider clock) : Grain, ISubAccountGrain
{
    private Dictionary<string, UserRecord> _usersById = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _usersById = state.State.Users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public async Task<SubAccountDetails> CreateAsync(CreateSubAccount command)
    {
        if (state.State.Exists)
        {
            throw CalendarException.Conflict(ErrorCodes.SubAccountExists, "A sub-account with this id already exists.");
        }

        state.State = new SubAccountState
        {
            Exists = true,
            Name = command.Name,
            TimeZone = command.TimeZone,
            ApiKeyHash = command.ApiKeyHash,
            CreatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return Details();
    }

    public Task<SubAccountDetails?> GetAsync() =>
        Task.FromResult(state.State.Exists ? Details() : null);

    public Task<bool> VerifyApiKeyAsync(byte[] apiKeyHash) =>
        Task.FromResult(
            state.State.Exists
            && apiKeyHash.Length == state.State.ApiKeyHash.Length
            && CryptographicOperations.FixedTimeEquals(apiKeyHash, state.State.ApiKeyHash));

    public async Task<UserDetails> CreateUserAsync(CreateUser command)
    {
        EnsureExists();
        if (_usersById.ContainsKey(command.Id))
        {
            throw CalendarException.Conflict(ErrorCodes.UserExists, "A user with this id already exists.");
        }

        if (state.State.Users.Exists(u => string.Equals(u.Email, command.Email, StringComparison.OrdinalIgnoreCase)))
        {
            throw CalendarException.Conflict(ErrorCodes.EmailInUse, $"Another user of this sub-account already has the email '{command.Email}'.");
        }

        var user = new UserRecord
        {
            Id = command.Id,
            Name = command.Name,
            Email = command.Email,
            TimeZone = command.TimeZone,
            CreatedAt = clock.GetUtcNow(),
        };
        state.State.Users.Add(user);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Keep memory equal to storage: a failed write must not leave a phantom user behind.
            state.State.Users.RemoveAt(state.State.Users.Count - 1);
            throw;
        }

        _usersById[user.Id] = user;
        return ToDetails(user);
    }

    public Task<UserDetails?> GetUserAsync(string userId) =>
        Task.FromResult(state.State.Exists && _usersById.TryGetValue(userId, out var user) ? ToDetails(user) : null);

    public Task<IReadOnlyList<UserDetails>> ListUsersAsync(string? afterUserId, int limit)
    {
        EnsureExists();
        IReadOnlyList<UserDetails> page = PageAfter(state.State.Users, u => u.Id, afterUserId, limit).Select(ToDetails).ToList();
        return Task.FromResult(page);
    }

    public Task<IReadOnlyList<string>> FindUnknownUsersAsync(IReadOnlyList<string> userIds)
    {
        IReadOnlyList<string> unknown = userIds.Where(id => !_usersById.ContainsKey(id)).ToList();
        return Task.FromResult(unknown);
    }

    public async Task AddCalendarAsync(string calendarId)
    {
        EnsureExists();
        if (!state.State.CalendarIds.Contains(calendarId))
        {
            state.State.CalendarIds.Add(calendarId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveCalendarAsync(string calendarId)
    {
        if (state.State.CalendarIds.Remove(calendarId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListCalendarsAsync(string? afterCalendarId, int limit)
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<string>>(PageAfter(state.State.CalendarIds, id => id, afterCalendarId, limit));
    }

    private static List<T> PageAfter<T>(List<T> items, Func<T, string> key, string? after, int limit)
    {
        var start = 0;
        if (after is not null)
        {
            var index = items.FindIndex(item => key(item) == after);
            if (index < 0)
            {
                throw CalendarException.Invalid(ErrorCodes.InvalidCursor, "The cursor does not belong to this list.");
            }

            start = index + 1;
        }

        return items.Skip(start).Take(limit).ToList();
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.SubAccountNotFound, "The sub-account does not exist.");
        }
    }

    private SubAccountDetails Details() =>
        new(this.GetPrimaryKeyString(), state.State.Name, state.State.TimeZone, state.State.CreatedAt);

    private UserDetails ToDetails(UserRecord user) =>
        new(user.Id, this.GetPrimaryKeyString(), user.Name, user.Email, user.TimeZone, user.CreatedAt);
}
