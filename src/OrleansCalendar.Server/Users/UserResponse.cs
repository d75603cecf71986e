using OrleansCalendar.Abstractions.Users;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Users;

/// <summary>A user of a sub-account.</summary>
public sealed record UserResponse(string Id, string SubAccountId, string Name, string Email, string TimeZone, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserDetails u) => new(u.Id, u.SubAccountId, u.Name, u.Email, u.TimeZone, ResponseTimes.Utc(u.CreatedAt));
}
