using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.SubAccounts;

namespace OrleansCalendar.Server.Users;

public static class UserRoutes
{
    /// <summary>Checks that <paramref name="uid"/> is a user of the sub-account (a malformed id is simply not found).</summary>
    public static async Task EnsureUserAsync(IGrainFactory grains, string sid, string uid)
    {
        if (!Ids.IsWellFormed(uid, Ids.UserPrefix) || await grains.GetGrain<ISubAccountGrain>(sid).GetUserAsync(uid) is null)
        {
            throw CalendarException.NotFound(ErrorCodes.UserNotFound, "The user does not exist.");
        }
    }
}
