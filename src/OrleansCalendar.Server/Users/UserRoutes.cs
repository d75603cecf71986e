using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Abstractions.Users;

namespace OrleansCalendar.Server.Users;

public static class UserRoutes
{
    /// <summary>Checks that <paramref name="uid"/> is a user of the sub-account (a malformed id is simply not found).</summary>
    public static Task EnsureUserAsync(IGrainFactory grains, string sid, string uid) => FindUserAsync(grains, sid, uid);

    /// <summary>The user <paramref name="uid"/> of the sub-account, or 404 <c>user-not-found</c> (a malformed id is simply not found).</summary>
    public static async Task<UserDetails> FindUserAsync(IGrainFactory grains, string sid, string uid) =>
        (Ids.IsWellFormed(uid, Ids.UserPrefix) ? await grains.GetGrain<ISubAccountGrain>(sid).GetUserAsync(uid) : null)
            ?? throw CalendarException.NotFound(ErrorCodes.UserNotFound, "The user does not exist.");
}
